#!/usr/bin/env python3
"""networkx's values for the measures in src/analytics/sna, for the tests to compare against.

Reads one graph as JSON on stdin:
  {"nodes": [...], "edges": [{"source", "target", "weight"?}], "directed": bool,
   "betweenness_samples": [{"k", "seed"}], "louvain_seeds": [...],
   "partitions": [[[ids], ...]], "removals": [[ids]], "groups": {id: group}}
(every key after "directed" optional) and prints networkx's answers as JSON on stdout.

The graph is built as src/analytics/sna/sna-graph.ts builds it: nodes in the given order,
self-loops dropped, parallel edges merged in order of first appearance with their weights summed.
Iterative measures run with tol=1e-12 so that their own error is far below the tests' 1e-6.
Brokerage counts have no networkx function: they are counted here by brute force from the
definitions (Gould and Fernandez 1989), independently of the TypeScript code.
Exit status 3: networkx is not installed.
"""

import json
import sys

try:
    import networkx as nx
except ImportError:
    sys.stderr.write(
        "networkx is not installed for this python3: "
        "python3 -m pip install 'networkx==3.6.1'\n"
    )
    sys.exit(3)

TOL = 1e-12


def build(spec):
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.add_nodes_from(spec["nodes"])
    merged = {}
    for edge in spec["edges"]:
        u, v = edge["source"], edge["target"]
        w = edge.get("weight", 1)
        if u == v:
            continue
        key = (u, v) if spec["directed"] else tuple(sorted((u, v)))
        if key in merged:
            merged[key][2] += w
        else:
            merged[key] = [u, v, w]
    for u, v, w in merged.values():
        G.add_edge(u, v, weight=w)
    return G


def pagerank(G, weight):
    try:
        import scipy  # noqa: F401  (networkx's pagerank needs it)

        return nx.pagerank(G, alpha=0.85, tol=TOL, max_iter=10000, weight=weight), "scipy"
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(G, alpha=0.85, tol=TOL, max_iter=10000, weight=weight), "python"


def eigenvector(G, weight):
    try:
        return nx.eigenvector_centrality(G, max_iter=100000, tol=TOL, weight=weight)
    except nx.PowerIterationFailedConvergence as e:
        return {"error": str(e)}


def fragmentation(G, removed):
    H = G.to_undirected() if G.is_directed() else G.copy()
    H.remove_nodes_from(removed)
    n = H.number_of_nodes()
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(H))
    return 1 - pairs / (n * (n - 1))


ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def brokerage(G, groups):
    D = G if G.is_directed() else G.to_directed()
    counts = {v: dict.fromkeys(ROLES, 0) for v in D}
    for b in D:
        for a in D.predecessors(b):
            for c in D.successors(b):
                if a == c or D.has_edge(a, c):
                    continue
                ga, gb, gc = groups[a], groups[b], groups[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif gb == gc:
                    role = "gatekeeper"
                elif ga == gb:
                    role = "representative"
                else:
                    role = "liaison"
                counts[b][role] += 1
    return counts


def main():
    spec = json.load(sys.stdin)
    G = build(spec)
    directed = G.is_directed()
    out = {"networkx": nx.__version__}
    out["degree"] = nx.degree_centrality(G)
    if directed:
        out["in_degree"] = nx.in_degree_centrality(G)
        out["out_degree"] = nx.out_degree_centrality(G)
    out["betweenness"] = nx.betweenness_centrality(G)
    out["betweenness_weighted"] = nx.betweenness_centrality(G, weight="weight")
    out["betweenness_sampled"] = [
        {**s, "values": nx.betweenness_centrality(G, k=s["k"], seed=s["seed"])}
        for s in spec.get("betweenness_samples", [])
    ]
    out["closeness"] = nx.closeness_centrality(G)
    out["closeness_weighted"] = nx.closeness_centrality(G, distance="weight")
    out["eigenvector"] = eigenvector(G, None)
    out["eigenvector_weighted"] = eigenvector(G, "weight")
    out["pagerank"], out["pagerank_implementation"] = pagerank(G, "weight")
    out["pagerank_unweighted"], _ = pagerank(G, None)
    out["louvain"] = []
    for seed in spec.get("louvain_seeds", []):
        communities = nx.community.louvain_communities(G, seed=seed)
        out["louvain"].append(
            {
                "seed": seed,
                "communities": sorted(sorted(c) for c in communities),
                "modularity": nx.community.modularity(G, communities),
            }
        )
    out["modularity"] = [
        nx.community.modularity(G, [set(c) for c in p]) for p in spec.get("partitions", [])
    ]
    out["fragmentation"] = [fragmentation(G, r) for r in spec.get("removals", [])]
    if "groups" in spec:
        out["brokerage"] = brokerage(G, spec["groups"])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
