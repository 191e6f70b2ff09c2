"""Complaints of torture and abuse, the official cases about them, the accountability funnel, and the
victim's status page (issue 16). Victims and complainants are protected people (``tergeu.witnesses``)."""
