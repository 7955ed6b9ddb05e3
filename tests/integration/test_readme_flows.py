"""README.md's everyday flows, run from the README's own text as a newcomer pastes them.

What ``make run`` leaves (the demo stand in the user data folder), then every shell block of
the "Everyday flows" section, in order, in one bash, each command on its own: it must exit
0, and each ``#>`` line under it must be in what it printed. HOME is a temp folder (the user
data folder with it) and the venv's ``bin`` is first on the PATH, as after
``. .venv/bin/activate``; ``posapp`` runs this checkout's code. The user's own data folder
is never touched.

The README's install lists are checked against scripts/system-deps.sh here as well.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


@dataclass
class Step:
    command: str  # as written, continuation lines and all
    expected: list[str]  # the "#>" lines under it


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def steps(text: str) -> list[Step]:
    found: list[Step] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.M | re.S):
        lines = block.splitlines()
        while lines:
            line = lines.pop(0)
            if line.startswith("#>"):
                found[-1].expected.append(" ".join(line[2:].split()))
            elif line.strip() and not line.lstrip().startswith("#"):
                command = line
                while command.endswith("\\") and lines:
                    command += "\n" + lines.pop(0)
                found.append(Step(command, []))
    return found


def venv_bin(tmp_path: Path) -> Path:
    """The venv's bin, where ``posapp`` is; a stand-in of it when the venv has none."""
    here = Path(sys.executable).parent
    if (here / "posapp").exists():
        return here
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "posapp").write_text(f"#!{sys.executable}\nfrom posapp.cli.main import main\n"
                                 "raise SystemExit(main())\n")
    (shim / "posapp").chmod(0o755)
    return shim


def newcomer_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("POSAPP_", "XDG_")) and k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT), LANG="C.UTF-8",
               PATH=f"{venv_bin(tmp_path)}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}")
    return env


def run_in_one_shell(all_steps: list[Step], env: dict[str, str],
                     out: Path) -> list[tuple[int, str, str]]:
    """Each step's exit code, standard output and error, all run by one bash (so that an
    ``export`` holds for the steps after it), from the checkout as the README says."""
    script = ["set -o pipefail", "posapp demo --ensure  # what make run does first"]
    for n, step in enumerate(all_steps):
        script.append(f"{{ {step.command}\n}} >{out}/{n}.out 2>{out}/{n}.err; "
                      f"echo $? >{out}/{n}.rc")
    subprocess.run(["bash", "-c", "\n".join(script)], env=env, cwd=ROOT, check=True,
                   timeout=600, capture_output=True)
    return [(int((out / f"{n}.rc").read_text()), (out / f"{n}.out").read_text(),
             (out / f"{n}.err").read_text()) for n in range(len(all_steps))]


@pytest.mark.slow  # about 20 runs of posapp, each importing it afresh as a shell does
def test_the_everyday_flows_run_as_written_on_a_fresh_demo_stand(tmp_path: Path) -> None:
    flows = steps(section("Everyday flows"))
    assert len(flows) >= 15 and sum(len(s.expected) for s in flows) >= 8
    out = tmp_path / "out"
    out.mkdir()
    env = newcomer_env(tmp_path)

    results = run_in_one_shell(flows, env, out)

    for step, (code, stdout, stderr) in zip(flows, results, strict=True):
        assert code == 0, f"{step.command}\n{stderr}"
        assert "Traceback" not in stderr
        shown = " ".join(stdout.split())
        for line in step.expected:
            assert line in shown, f"{step.command}\nexpected: {line}\nprinted: {stdout}"
    home = Path(env["HOME"])
    assert (home / ".local/share/posapp/stands/JATIM.sqlite").is_file()  # in the temp HOME
    assert (home / "posapp-ntb/stands/NTB.sqlite").is_file()


def test_the_flows_give_pins_on_standard_input_and_no_date_that_will_pass() -> None:
    flows = steps(section("Everyday flows"))
    asking = [s.command for s in flows if re.search(r"--(cashier|supervisor)\b", s.command)
              or " order " in s.command]
    assert asking and all("--pin-stdin" in c and c.startswith(("echo ", "printf '"))
                          for c in asking)
    assert not re.search(r"--due \d", "\n".join(s.command for s in flows))


def _script_packages() -> dict[str, set[str]]:
    """scripts/system-deps.sh's lists, by name (``test_pkgs+=(...)`` added to its list)."""
    script = (ROOT / "scripts" / "system-deps.sh").read_text(encoding="utf-8")
    script = re.sub(r"#[^\n]*", "", script)
    lists: dict[str, set[str]] = {}
    for name, words in re.findall(r"^(\w+_pkgs)\+?=\(([^)]*)\)", script, flags=re.M):
        lists.setdefault(name, set()).update(words.split())
    return lists


def _readme_packages(bullet: str) -> set[str]:
    """The package names in the code spans of the install bullet that starts *bullet*."""
    text = section("Two commands")
    start = text.index(f"- {bullet}")
    end = text.find("\n- ", start + 1)
    end = text.find("\n\n", start) if end < 0 else end
    names: set[str] = set()
    for span in re.findall(r"`([^`]+)`", text[start:end]):
        words = span.split()
        if words[0] not in {"make", "posapp", "sudo"}:
            names.update(words)
    return names


@pytest.mark.parametrize(("bullet", "lists"), [
    ("`make run`", ("python_pkgs", "qt_pkgs", "xcb_pkgs")),
    ("`make test`", ("test_pkgs", "package_pkgs")),
])
def test_the_readmes_install_lists_are_what_the_script_installs(bullet: str,
                                                                 lists: tuple[str, ...]) -> None:
    script = _script_packages()
    assert _readme_packages(bullet) == set().union(*(script[name] for name in lists))
