"""Account management pages (admins invite, reset and deactivate users)."""
