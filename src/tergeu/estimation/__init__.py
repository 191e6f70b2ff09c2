"""The toll estimate in the application: capture histories from linked people, runs kept, a page to read them."""
