# gunicorn reads this file from the directory it starts in (the project's top level): every
# `gunicorn taata_portal.wsgi` of the Procfile, the Makefile and the deploy files uses it.
# The access log names no client address and masks tracking codes (privacy page).
logger_class = "taata_portal.gunicorn_logging.PrivateLogger"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
