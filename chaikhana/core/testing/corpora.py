"""Where the shared real-world test files live: ``../shared/corpora`` beside the checkout.

CI clones the repository with ``shared/`` next to it; CHAIKHANA_CORPORA overrides the place.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CORPORA = Path(os.environ.get("CHAIKHANA_CORPORA") or REPO.parent / "shared" / "corpora")
