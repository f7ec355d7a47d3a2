"""A deployment's settings nested deeper than the TOML reader follows: a ConfigError, no crash."""

import pytest

from jixiao.core.rulesets import ConfigError, load_config


def test_a_toml_nested_200000_deep_is_a_config_error(tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(deep)
    assert str(refused.value) == f"{deep}: TOML 嵌套层次过深，无法读取 / TOML nested too deeply"
