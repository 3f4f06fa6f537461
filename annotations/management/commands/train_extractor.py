"""Train the learned extractor layers on reviewed articles or an annotated folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotations.learning.corpus import CorpusError, read_corpus
from annotations.learning.extractors import adopted_models
from annotations.nlp.learned.training import Example, train
from annotations.services import extractor_register


class Command(BaseCommand):
    help = "Train the speaker ranker and quote classifier; report held-out scores next to the rules'."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="de", choices=["de"])
        parser.add_argument(
            "--corpus", type=Path, help="a folder of NAME.txt + NAME.gold.json (default: the database)"
        )
        parser.add_argument("--out", type=Path, required=True, help="folder to write the model to")
        parser.add_argument("--no-curve", action="store_true", help="skip the learning curve")
        parser.add_argument(
            "--cross-validate",
            type=int,
            default=0,
            metavar="K",
            help="also score by K-fold cross-validation over all the articles (slower, steadier)",
        )
        parser.add_argument(
            "--no-register", action="store_true", help="only write the model; do not record or adopt it"
        )

    def handle(
        self,
        *args,
        language: str,
        corpus: Path | None,
        out: Path,
        no_curve: bool,
        no_register: bool,
        cross_validate: int,
        **options,
    ):
        if corpus is not None:
            try:
                examples = [
                    Example(f.name, f.body, list(f.gold.get("quotes", [])))
                    for f in read_corpus(corpus)
                    if f.gold.get("language", language) == language
                ]
            except CorpusError as exc:
                raise CommandError(str(exc)) from exc
        else:
            from annotations.selectors import training_examples

            examples = [Example(*row) for row in training_examples(language=language)]
        if len(examples) < 2:
            raise CommandError(f"need at least 2 annotated {language} articles, found {len(examples)}")
        version = datetime.now(tz=UTC).strftime("%Y%m%d-%H%M%S-%f")
        self.stdout.write(f"{len(examples)} annotated {language} articles; model version {version}")
        current = None if no_register else adopted_models().get(language)
        model = train(
            examples,
            language=language,
            version=version,
            log=self.stdout.write,
            curve=not no_curve,
            current=current,
            folds=cross_validate,
        )
        meta = model.meta
        self.stdout.write("learning curve (held-out slice):")
        self.stdout.write("  articles  quotes F1  attributed F1  right speaker")
        for row in meta["learning_curve"]:
            self.stdout.write(
                f"  {row['articles']:>8}  {row['quotes_f1']:>9.3f}  "
                f"{row['attributed_f1']:>13.3f}  {row['speaker_share']:>13.3f}"
            )
        rules, mine = meta["rules_held_out"], meta["held_out"]
        self.stdout.write(f"held-out slice of {meta['held_out_articles']} articles:")
        rows = [("rules", rules), ("model", mine)]
        if current is not None:
            rows.insert(1, (f"adopted {current.version}", meta["current_held_out"]))
        for label, row in rows:
            self.stdout.write(
                f"  {label}: quotes F1 {row['quotes_f1']:.3f}  attributed F1 {row['attributed_f1']:.3f}  "
                f"right speaker {row['attributed']}/{row['matched']} = {row['speaker_share']:.3f}"
            )
        if "cross_validation" in meta:
            cv = meta["cross_validation"]
            self.stdout.write(f"{cv['folds']}-fold cross-validation over all {len(examples)} articles:")
            for label in ("rules", "model"):
                row = cv[label]
                self.stdout.write(
                    f"  {label}: quotes F1 {row['quotes_f1']:.3f}  attributed F1 {row['attributed_f1']:.3f}  "
                    f"right speaker {row['attributed']}/{row['matched']} = {row['speaker_share']:.3f}"
                )
        path = model.save(out)
        self.stdout.write(f"wrote {path} in {meta['seconds']:.0f} s")
        if no_register:
            return
        extractor = extractor_register(
            language=language, version=model.version, path=str(out.resolve()), meta=model.meta
        )
        if extractor.adopted:
            self.stdout.write(
                f"adopted {language} {model.version}: it beats {meta['current_version']} on the slice"
            )
        else:
            self.stdout.write(
                f"recorded {language} {model.version}, not adopted: "
                f"{meta['current_version']} scores as well or better"
            )
