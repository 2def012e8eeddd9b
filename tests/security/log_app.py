"""The smallest WSGI application, for starting gunicorn with the project's logging config."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
