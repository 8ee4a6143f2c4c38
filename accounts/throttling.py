"""
The address login throttling (django-axes) counts failures by.

Behind the proxy we ship (deploy/nginx.conf), every request reaches the app from
127.0.0.1: REMOTE_ADDR alone would put every person in the world in one bucket
per user name. So axes asks us (settings.AXES_CLIENT_IP_CALLABLE), and we answer
with the same rule as the rest of the site (articles.views.client_address): behind
our own proxy (BEHIND_HTTPS_PROXY), the address it saw, the last one in
X-Forwarded-For; otherwise REMOTE_ADDR, and X-Forwarded-For is ignored, since anyone
can send it.
"""

import ipaddress

from articles.views import client_address


def login_client_address(request):
    address = client_address(request)
    try:
        # Axes stores it in an address column: nothing else may reach it.
        return str(ipaddress.ip_address(address))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or None
