# The councillors and their commitments of the reminder tests serve here too.
from tests.notifications.conftest import akka_councillor, tata_councillor  # noqa: F401
