"""Template context: the signed-in user's membership and role."""

from jixiao.web.accounts.access import membership_of


def membership(request):
    """``membership`` and ``role`` for every template."""
    member = membership_of(request.user)
    return {"membership": member, "role": member.role if member else None}
