"""The director's own office's staff accounts (同仁帳號管理)."""
