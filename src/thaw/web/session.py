"""The web page's session: the analyst's API key, kept in an HTTP-only cookie.

Filled in against the service's key store (``thaw.api.auth``) once it exists.
"""
