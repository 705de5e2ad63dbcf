import TinqCorpus
import TinqSyntax
