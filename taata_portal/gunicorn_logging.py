"""gunicorn's access log without the client's address or any tracking code (web.log_privacy);
named by gunicorn.conf.py."""

from gunicorn.glogging import Logger

from web.log_privacy import mask

MASKED = ("r", "U", "q", "f", "{raw_uri}e", "{referer}i")


class PrivateLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = "-"
        for key, value in list(atoms.items()):
            if key in MASKED or key.endswith("}i") or key.endswith("}e"):
                atoms[key] = mask(str(value))
        return atoms
