"""The README's commands run, and every command and option of the project is in the README.

A command a newcomer copies from the README must at least answer ``--help``; a command, option
or subcommand the code defines but the README never shows is one nobody finds. bench/'s own
scripts other than bench/run.py are run by hand and documented in bench/RESULTS.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON = r"(?:python3?|\.venv/bin/python)"
COMMAND = re.compile(rf"(?:^|&&\s*|`){PYTHON} (-m [\w.]+|[\w/]+\.py)", re.MULTILINE)
OPTION = re.compile(r"(?<![\w-])--[a-z][\w-]*")


def readme_commands() -> list[str]:
    """``-m module`` or ``script.py`` of every python command in a code block or code span."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", README,
                                               flags=re.MULTILINE | re.DOTALL))
    found = [target for text in [*blocks, *(f"`{s}" for s in spans)]
             for target in COMMAND.findall(text)]
    return list(dict.fromkeys(found))


def help_text(target: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *target.split(" "), "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def project_commands() -> list[str]:
    """Every runnable module of the project outside bench/ and tests/, as README would write it."""
    found = []
    folders = [f for f in ROOT.iterdir()
               if f.is_dir() and f.name not in {"bench", "tests"} and not f.name.startswith(".")]
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        text = path.read_text(encoding="utf-8")
        if parts[-1] == "__main__":
            found.append("-m " + ".".join(parts[:-1]))
        elif 'if __name__ == "__main__":' in text:
            found.append("-m " + ".".join(parts))
    return found


def test_the_readme_names_the_commands_this_test_expects():
    commands = readme_commands()
    assert {"-m venv", "-m pip", "-m sample_data.demo", "-m streamlit", "-m pytest", "-m ingest",
            "-m metrics", "-m store.backup", "-m store.password", "-m sample_data.generate",
            "bench/run.py"} <= set(commands)


@pytest.mark.parametrize("target", readme_commands())
def test_every_readme_command_answers_help(target):
    done = help_text(target)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_every_project_command_is_in_the_readme():
    assert sorted(set(project_commands()) - set(readme_commands())) == []


@pytest.mark.parametrize("target", [*project_commands(), "bench/run.py"])
def test_every_option_and_subcommand_is_in_the_readme(target):
    """Options from the usage line; subcommands are the choices of a positional argument."""
    done = help_text(target)
    usage = done.stdout.split("\n\n")[0]
    options = set(OPTION.findall(usage)) - {"--help"}
    positional = done.stdout.partition("positional arguments:")[2].partition("\n\n")[0]
    choices = {c for group in re.findall(r"^  \{([^}]*)\}", positional, re.MULTILINE)
               for c in group.split(",")}
    shown = set(OPTION.findall(README)) | set(re.findall(r"[\w-]+", README))
    assert sorted((options | choices) - shown) == []


def test_every_path_in_where_things_are_exists():
    """The map's answers point at files and folders that are there (a move must update it)."""
    table = README.partition("## Where things are")[2].partition("\n## ")[0]
    paths = {p for p in re.findall(r"`([\w./]+)`", table) if "/" in p}
    assert len(paths) > 20
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []
