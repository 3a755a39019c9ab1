#!/usr/bin/python3
# check-ics.py: reads MIRIAM's iCalendar export with an independent parser
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ics.py TEST-ICAL
#
# Runs "TEST-ICAL --write-sample DIR" twice, parses DIR/sample.ics with
# Python's icalendar module and compares every event with DIR/sample.json,
# which test-ical worked out from the entries themselves.  Times are checked
# as UTC instants against Python's own zoneinfo, and the file's VTIMEZONE is
# turned into a time zone by icalendar and compared with zoneinfo over two
# years.  Exit status 77 (skipped) when icalendar is not installed.

import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

try:
    import icalendar
except ImportError as e:
    print(f"check-ics: the Python module icalendar is missing ({e}); "
          "install python3-icalendar (build-aux/deps does)", file=sys.stderr)
    sys.exit(77)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
UTC = datetime.timezone.utc
TEST_ICAL = None


def write_sample(directory):
    subprocess.run([TEST_ICAL, "--write-sample", directory], check=True)
    with open(os.path.join(directory, "sample.ics"), "rb") as f:
        raw = f.read()
    with open(os.path.join(directory, "sample.json"), encoding="utf-8") as f:
        expected = json.load(f)
    return raw, expected


def events_by_uid(calendar):
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in events, f"UID {uid} twice"
        events[uid] = event
    return events


def local_instant(text):
    """The UTC instant of a Brussels wall-clock time "YYYY-MM-DDTHH:MM"."""
    naive = datetime.datetime.fromisoformat(text)
    return naive.replace(tzinfo=BRUSSELS).astimezone(UTC)


class Sample(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        with tempfile.TemporaryDirectory() as first, \
             tempfile.TemporaryDirectory() as second:
            cls.raw, cls.expected = write_sample(first)
            cls.raw_again, _ = write_sample(second)
        cls.calendar = icalendar.Calendar.from_ical(cls.raw)
        cls.events = events_by_uid(cls.calendar)

    def test_lines(self):
        self.assertTrue(self.raw.endswith(b"\r\n"))
        self.assertEqual(self.raw.count(b"\n"), self.raw.count(b"\r\n"),
                         "a line end that is not CRLF")
        self.assertEqual(self.raw.count(b"\r"), self.raw.count(b"\r\n"))
        for number, line in enumerate(self.raw.split(b"\r\n")[:-1], 1):
            self.assertLessEqual(len(line), 75, f"line {number} is {len(line)} octets")
            line.decode("utf-8")    # never cut inside a character
        unfolded = self.raw.replace(b"\r\n ", b"").decode("utf-8")
        self.assertTrue(any(len(line.encode()) > 75 for line in unfolded.split("\r\n")),
                        "the sample should need folding")

    def test_calendar(self):
        cal = self.calendar
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertTrue(str(cal["PRODID"]).startswith("-//MIRIAM//MIRIAM "))
        self.assertEqual(str(cal["CALSCALE"]), "GREGORIAN")
        self.assertEqual(str(cal["METHOD"]), "PUBLISH")
        self.assertEqual(str(cal["X-WR-CALNAME"]), "MIRIAM — Team Zuid, OCMW Sint-Gillis")
        self.assertEqual(str(cal["X-WR-TIMEZONE"]), "Europe/Brussels")
        zones = cal.walk("VTIMEZONE")
        self.assertEqual(len(zones), 1)
        self.assertEqual(str(zones[0]["TZID"]), "Europe/Brussels")

    def test_events(self):
        self.assertEqual(len(self.events), len(self.expected))
        for want in self.expected:
            with self.subTest(uid=want["uid"]):
                event = self.events.get(want["uid"])
                self.assertIsNotNone(event, "missing")
                self.assertEqual(str(event["SUMMARY"]), want["summary"])
                self.assertEqual(str(event.get("LOCATION", "")), want["location"])
                self.assertEqual(str(event["STATUS"]), want["status"])
                self.assertEqual(int(event["SEQUENCE"]), want["sequence"])
                self.assertEqual(event["DTSTAMP"].dt.utcoffset(), datetime.timedelta(0))
                description = str(event.get("DESCRIPTION", ""))
                for part in want["description_contains"]:
                    self.assertIn(part, description)
                self.check_times(event, want)

    def check_times(self, event, want):
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        if want["all_day"]:
            self.assertNotIsInstance(start, datetime.datetime)
            self.assertEqual(start, datetime.date.fromisoformat(want["start"]))
            self.assertEqual(end, datetime.date.fromisoformat(want["end"]))
            return
        self.assertEqual(event["DTSTART"].params.get("TZID"), "Europe/Brussels")
        self.assertEqual(event["DTEND"].params.get("TZID"), "Europe/Brussels")
        for got, local in ((start, want["start"]), (end, want["end"])):
            self.assertIsInstance(got, datetime.datetime)
            self.assertIsNotNone(got.tzinfo, "a floating time")
            instant = local_instant(local)
            self.assertEqual(got.astimezone(UTC), instant)
            naive = datetime.datetime.fromisoformat(local)
            self.assertEqual(got.utcoffset(), naive.replace(tzinfo=BRUSSELS).utcoffset())
            # Winter +01:00, summer +02:00, nothing else.
            self.assertIn(got.utcoffset(), (datetime.timedelta(hours=1),
                                            datetime.timedelta(hours=2)))

    def test_dst_both_sides(self):
        offsets = set()
        for want in self.expected:
            if not want["all_day"]:
                naive = datetime.datetime.fromisoformat(want["start"])
                offsets.add(naive.replace(tzinfo=BRUSSELS).utcoffset())
        self.assertEqual(offsets, {datetime.timedelta(hours=1), datetime.timedelta(hours=2)})

    def test_vtimezone(self):
        """The file's own VTIMEZONE, read by icalendar, agrees with zoneinfo."""
        tz = self.calendar.walk("VTIMEZONE")[0].to_tz()
        day = datetime.datetime(2026, 1, 1, 12, 0)
        while day.year < 2028:
            for hour in (0, 1, 4, 12, 23):
                local = day.replace(hour=hour)
                self.assertEqual(tz.localize(local).utcoffset(),
                                 local.replace(tzinfo=BRUSSELS).utcoffset(), str(local))
            day += datetime.timedelta(days=1)
        for want in self.expected:
            if not want["all_day"]:
                naive = datetime.datetime.fromisoformat(want["start"])
                self.assertEqual(tz.localize(naive).astimezone(UTC), local_instant(want["start"]))

    def test_stable_uids(self):
        again = events_by_uid(icalendar.Calendar.from_ical(self.raw_again))
        self.assertEqual(set(again), set(self.events))

        def without_stamps(raw):
            return [line for line in raw.split(b"\r\n") if not line.startswith(b"DTSTAMP:")]
        self.assertEqual(without_stamps(self.raw), without_stamps(self.raw_again))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check-ics.py TEST-ICAL", file=sys.stderr)
        sys.exit(2)
    TEST_ICAL = sys.argv.pop(1)
    unittest.main(verbosity=2)
