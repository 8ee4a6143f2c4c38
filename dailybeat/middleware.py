from django.http import HttpResponseBadRequest


class RejectNullCharactersMiddleware:
    """Answer 400 to a request whose address or query string holds a NUL character.

    PostgreSQL cannot store or compare text with NUL in it, and psycopg2 raises on
    sight: without this, any query parameter that reaches a lookup (a list filter, a
    search, an autocomplete) would turn "%00" into a server error. No real reader or
    editor ever sends one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "The address holds a character that is not allowed.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
