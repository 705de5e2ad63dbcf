import CLibEdit
import Tinq
