# Two people saving the same measurement at once: the merge dialog (issue 6).
#
# Copyright 2026 The MIRIAM developers
# SPDX-License-Identifier: GPL-3.0-or-later


class MeasurementMergeChecks:
    pass
