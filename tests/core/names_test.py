from jixiao.core.names import name_key, same_name


def test_brackets_and_spaces_fold():
    # SPEC §5: the same project printed with full-width and half-width brackets.
    assert same_name(
        "上海市政府驻外办事处视频会议系统（运维）", "上海市政府驻外办事处视频会议系统(运维)"
    )
    assert same_name("项目工作完成及时\n率", "项目工作完成及时率")


def test_different_names_differ():
    assert not same_name("合作交流工作业务费", "合作交流专项工作经费")
    assert name_key(None) == "" == name_key("")
