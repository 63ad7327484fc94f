"""``python -m baoshan_quality`` runs the command line (:mod:`baoshan_quality.cli`)."""

from baoshan_quality.cli import main

raise SystemExit(main())
