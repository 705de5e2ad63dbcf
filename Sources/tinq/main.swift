import TinqShell
