"""Name folding: spellings of one name meet, different names stay apart. No database."""

from __future__ import annotations

import pytest

from annotations.names import name_fold, name_key, name_keys, name_match_score

PESKOV = ["Peskov", "Peskow", "peskow", "Песков", "Dmitry Peskov", "D. Peskow", "PESKÓW"]


@pytest.mark.parametrize("spelling", PESKOV)
def test_every_spelling_of_peskov_shares_the_surname_key(spelling):
    assert "peskov" in name_keys(spelling)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Dmitri Peskow", "Dmitry Peskov", "Dmitrij Peskow", "Дмитрий Песков", "Dmitriy Peskov"],
        ["Wolodymyr Selenskyj", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Володимир Зеленський"],
        ["Boris Jelzin", "Boris Yeltsin", "Борис Ельцин"],
        ["Michail Chodorkowski", "Mikhail Khodorkovsky", "Михаил Ходорковский"],
        ["Sergej Schoigu", "Sergei Shoigu", "Сергей Шойгу"],
        ["Maria Sacharowa", "Maria Zakharova", "Мария Захарова"],
        ["Juri Uschakow", "Yury Ushakov", "Юрий Ушаков"],
        ["Gerhard Schröder", "Gerhard Schroeder", "gerhard schroder"],
        ["Jewgeni Prigoschin", "Yevgeny Prigozhin", "Евгений Пригожин"],
    ],
)
def test_transliterations_of_one_name_fold_to_one_key(spellings):
    keys = {name_fold(s) for s in spellings}
    assert len(keys) == 1, keys


def test_initials_are_dropped_from_the_folded_name_but_kept_for_matching():
    assert name_fold("D. Peskow") == "peskov"
    assert name_key("D. Peskow").given == ("d",)


@pytest.mark.parametrize(("a", "b"), [("Peskov", "Lavrov"), ("Dmitri Peskow", "Dmitri Medwedew")])
def test_different_names_stay_apart(a, b):
    assert name_fold(a) != name_fold(b)


def test_keys_hold_full_name_and_surname_without_duplicates():
    assert name_keys("Dmitri Peskow", "Dmitry Peskov", "Песков") == ["dmitri peskov", "peskov"]


def test_nothing_name_like_gives_no_key():
    assert name_keys("", "  .  ", "—") == []
    assert name_key("...") is None


@pytest.mark.parametrize(
    ("query", "candidate", "score"),
    [
        ("Dmitry Peskov", "Dmitri Peskow", 1.0),
        ("Песков", "Dmitri Peskow", 0.9),
        ("D. Peskow", "Dmitri Peskow", 0.9),
        ("peskow", "Peskov", 1.0),
        ("Ivan Peskov", "Dmitri Peskow", 0.5),
        ("Lavrov", "Dmitri Peskow", 0.0),
    ],
)
def test_match_score_ranks_full_names_over_surnames_over_namesakes(query, candidate, score):
    assert name_match_score(query, candidate) == score
