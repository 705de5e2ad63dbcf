@_exported import TinqCorpus
@_exported import TinqEngine
@_exported import TinqSyntax
