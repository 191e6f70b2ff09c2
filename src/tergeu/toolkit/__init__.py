"""What every app and every face (pages, API, command line) stands on: reading numbers from requests,
paging links, the API's caller checks, pagination and error shapes, and the command line's console.

It sits above ``accounts`` (the API's checks ask ``accounts.access.can``) and below every other app:
a domain app's ``views``, ``api`` and ``cli`` modules import from here, never from ``tergeu.web``,
``tergeu.api`` or ``tergeu.cli``, which only mount what the apps define.
"""
