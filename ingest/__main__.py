import sys

from ingest.cli import main
from metrics.clv import refit_after_change

sys.exit(main(after_import=refit_after_change))
