"""Runs one unittest module and writes each test's outcome to a JSON file, so the JUnit
harness reads results exactly instead of scraping a log that kernels also write to."""
import json
import sys
import traceback
import unittest


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}

    def _name(self, test):
        return f"{type(test).__name__}.{test._testMethodName}"

    def addSuccess(self, test):
        super().addSuccess(test)
        self.outcomes.setdefault(self._name(test), {"status": "ok", "detail": ""})

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.outcomes[self._name(test)] = {"status": "fail", "detail": "".join(traceback.format_exception(*err))}

    def addError(self, test, err):
        super().addError(test, err)
        self.outcomes[self._name(test)] = {"status": "error", "detail": "".join(traceback.format_exception(*err))}

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.outcomes[self._name(test)] = {"status": "skipped", "detail": reason}

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            status = "fail" if issubclass(err[0], test.failureException) else "error"
            self.outcomes[self._name(test)] = {"status": status, "detail": str(subtest) + "\n" + "".join(traceback.format_exception(*err))}


def main(module, out):
    suite = unittest.defaultTestLoader.loadTestsFromName(module)
    runner = unittest.TextTestRunner(verbosity=2, resultclass=Recorder, stream=sys.stderr)
    result = runner.run(suite)
    with open(out, "w") as f:
        json.dump({"ran": result.testsRun, "tests": result.outcomes}, f, indent=1)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
