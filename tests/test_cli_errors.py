"""What ``demat`` does when things go wrong: one line naming the culprit, the right exit code.

No traceback reaches the user (Ctrl-C, a closed pipe, a port out of range), messages name the
file and the option at fault, and ``--json`` still prints JSON when the command fails.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from demat_sdk.cli import main
from demat_sdk.directory import Directory

from tests_support import PES_DIR

EXAMPLES = PES_DIR / "examples"
SENT = EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml"
ACK = EXAMPLES / "04a_PES_ACQUIT_ok.xml"
ACK_OF_RETOUR = EXAMPLES / "05_PES_ACQUIT_RETOUR_valid.xml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command argparse must refuse; its stderr."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    return capsys.readouterr().err


# --- no traceback ----------------------------------------------------------------------------


def test_ctrl_c_is_one_line_and_exit_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Directory, "import_export", interrupted)
    export = tmp_path / "export.csv"
    export.write_text("x\n", "utf-8")
    new = tmp_path / "new.sqlite3"
    assert run(capsys, "directory", "import", str(export), "--db", str(new)) == (
        130,
        "",
        "demat: interrupted\n",
    )
    assert not new.exists()  # the directory file the import had created is gone
    with pytest.raises(KeyboardInterrupt):
        main(["--debug", "directory", "import", str(export), "--db", str(new)])


class ClosedPipe(io.StringIO):
    """Standard output whose reader went away (``demat … | head -1``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_stdout_ends_silently_with_141(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["pes", "show", str(SENT)]) == 141
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_under_python_m_prints_nothing() -> None:
    # `python -m demat_sdk.cli pes show F | head -0`: the reader is gone before the first write.
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "demat_sdk.cli", "pes", "show", str(SENT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (141, b"")


def test_python_m_demat_sdk_cli_is_the_demat_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "demat_sdk.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("demat_sdk ")


@pytest.mark.parametrize("port", ["-1", "70000"])
def test_a_port_out_of_range_is_a_usage_error(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, "emulator", "serve", "--port", port)
    assert f"--port: a port is from 0 to 65535: '{port}'" in err


# --- messages name the file ------------------------------------------------------------------


def test_a_read_error_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "pes", "show", str(empty))
    assert (code, out) == (1, "")
    assert err.startswith(f"demat: {empty}: ")
    assert "Error:" not in err  # no Python class name
    code, _, err = run(capsys, "ack", "show", str(ACK), "--against", str(empty))
    assert code == 1
    assert err.startswith(f"demat: --against {empty}: ")


def test_a_file_of_another_kind_says_what_it_is_and_what_reads_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "ack", "show", str(ACK), "--against", str(ACK))
    assert (code, err) == (
        1,
        f"demat: --against {ACK}: a PES_ACQUIT (acquittement), not a PES_Aller; "
        "give the flux you sent\n",
    )
    code, _, err = run(capsys, "pes", "show", str(ACK))
    assert (code, err) == (
        1,
        f"demat: {ACK}: a PES_ACQUIT (acquittement), not a PES_Aller; "
        f"read it with: demat ack show {ACK}\n",
    )
    code, _, err = run(capsys, "pes", "validate", str(ACK))  # not "invalid": another kind
    assert (code, err) == (
        1,
        f"demat: {ACK}: a PES_ACQUIT (acquittement), not a PES_Aller; "
        f"read it with: demat ack show {ACK}\n",
    )
    code, _, err = run(capsys, "ack", "show", str(ACK_OF_RETOUR))
    assert code == 1
    assert err.startswith(f"demat: {ACK_OF_RETOUR}: a PES_ACQUIT_RETOUR")
    assert "no demat command reads it" in err


def test_a_folder_given_for_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["pes", "validate", str(tmp_path)],
        ["pes", "show", str(tmp_path)],
        ["ack", "show", str(ACK), "--against", str(tmp_path)],
        ["chorus", "deposit", str(tmp_path)],
    ):
        assert run(capsys, *argv) == (2, "", f"demat: {tmp_path}: is a folder, not a file\n")


@pytest.mark.parametrize("action", ["show", "flux"])
def test_an_empty_identifier_is_not_sent_to_chorus_pro(
    action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "must not be empty" in usage_error(capsys, "chorus", action, " ")


# --- --json on errors ------------------------------------------------------------------------


def test_json_errors_are_json_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pes", "validate", str(SENT), "--xsd-dir", str(tmp_path), "--json")
    assert code == 2
    assert json.loads(out)["error"] == {"message": err.removeprefix("demat: ").strip(),
                                        "exit_code": 2}  # fmt: skip
    code, out, err = run(capsys, "ack", "show", str(SENT), "--json")
    assert code == 1
    document = json.loads(out)
    assert document["error"]["exit_code"] == 1
    assert document["error"]["message"].startswith(f"{SENT}: a PES_Aller, not a PES_ACQUIT")


def test_debug_may_follow_the_sub_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<PES_Aller>")
    with pytest.raises(Exception, match="not well-formed"):
        main(["pes", "show", str(broken), "--debug"])
    assert run(capsys, "pes", "show", str(broken))[0] == 1  # without it, one line


def test_every_limit_of_the_pes_readers_has_the_command_s_advice() -> None:
    from demat_sdk import errors
    from demat_sdk.cli import pes_files

    assert set(pes_files._LIFT) == set(errors._HOW_TO_LIFT)
