"""Pure computation: no Django, no Tergeu app. See README.md in this folder."""
