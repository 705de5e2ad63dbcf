import TinqFacts
import TinqStore
import TinqSyntax
