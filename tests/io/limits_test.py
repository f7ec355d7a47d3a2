"""The limits' settings: defaults, the environment, options over it, and bad values refused."""

import pytest

from jixiao.io.bounded import MIB, Limits, LimitsError, in_mb, limits_from


def test_the_defaults_are_100_mb_60_s_and_1_gib():
    assert limits_from({}) == Limits(file_bytes=100 * MIB, seconds=60.0, memory_bytes=1024 * MIB)


def test_the_environment_sets_each_limit_and_zero_turns_one_off():
    env = {"JIXIAO_FILE_MAX_MB": "5", "JIXIAO_PARSE_SECONDS": "2.5", "JIXIAO_PARSE_MEMORY_MB": "0"}
    assert limits_from(env) == Limits(file_bytes=5 * MIB, seconds=2.5, memory_bytes=None)


def test_an_option_overrides_the_environment_and_none_is_not_given():
    env = {"JIXIAO_PARSE_SECONDS": "2.5", "JIXIAO_FILE_MAX_MB": "5"}
    limits = limits_from(env, JIXIAO_PARSE_SECONDS="7", JIXIAO_FILE_MAX_MB=None)
    assert (limits.seconds, limits.file_bytes) == (7.0, 5 * MIB)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("JIXIAO_PARSE_SECONDS", "soon"),
        ("JIXIAO_PARSE_SECONDS", "-1"),
        ("JIXIAO_PARSE_SECONDS", "nan"),
        ("JIXIAO_FILE_MAX_MB", "1.5"),  # whole MiB only
        ("JIXIAO_PARSE_MEMORY_MB", "1e12"),
    ],
)
def test_a_value_that_is_no_such_number_is_refused_naming_the_setting(name, value):
    with pytest.raises(LimitsError, match=name):
        limits_from({name: value})


def test_the_bounds_read_in_mib_as_the_settings_spell_them():
    assert (in_mb(Limits().file_bytes), in_mb(Limits().memory_bytes)) == ("100", "1024")
    assert in_mb(Limits(memory_bytes=None).memory_bytes) == "—"
