"""`python manage.py moderation_train`: fit the harassment and self-harm models from
moderation/detectors/data/*_training*.tsv and write their weights to moderation/detectors/data/weights.json.

Run it after editing any training TSV (a test fails until the shipped weights match the texts).
"""

from django.core.management.base import BaseCommand, CommandError

from moderation.detectors import linear
from moderation.detectors.harassment import model as harassment
from moderation.detectors.self_harm import model as self_harm


class Command(BaseCommand):
    help = "Fit the screening models from their training texts and ship the weights in data/weights.json."

    def handle(self, *args, **options):
        fitted = {}
        for name, module in (("harassment", harassment), ("self_harm", self_harm)):
            result = module.fit()
            if result is None:
                raise CommandError(f"{name}: cannot fit (scikit-learn missing, or the texts have one class only)")
            weights, intercept = result
            fitted[name] = (linear.fingerprint(name, module.OPTIONS), weights, intercept)
            self.stdout.write(f"{name}: {len(weights)} weights from {len(linear.training_lines(name))} texts")
        linear.save(fitted)
        self.stdout.write(f"wrote {linear.WEIGHTS}")
