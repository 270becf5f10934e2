"""SPARQL over MechKG: checked queries, stores, named queries and a pool of time-limited workers.

``sparql`` (checking, errors) -> ``results`` (answers and their formats) -> ``store`` (the abstract
store, entity names) -> ``convert`` (terms between engines) -> ``rdflib_store``, ``oxigraph_store``,
``endpoint`` (the engines) -> ``stores`` (choosing one from a spec) and ``bulk_load`` (filling a
persistent Oxigraph) -> ``named`` (named queries, parameters, ``run_query``) and ``pool`` (workers).
"""
