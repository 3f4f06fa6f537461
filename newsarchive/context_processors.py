from newsarchive.roles import Role, has_role, user_role


def roles(request) -> dict:
    user = request.user
    return {
        "role": user_role(user),
        "can_upload": has_role(user, Role.ANALYST),
        "is_admin_role": has_role(user, Role.ADMIN),
    }
