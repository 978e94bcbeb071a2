"""The `huzheng` console script: Django's manage.py, installed on the PATH.

huzheng serve          the platform and its task worker
huzheng seed_demo      the demo offices, staff and pages
huzheng <command>      any other management command
"""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huzheng.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
