import Tinq
