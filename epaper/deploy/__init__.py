"""``python build.py deploy``: publish the output folder to object storage, a folder or an rsync destination.

Only files whose bytes changed are sent (a manifest of content digests is kept on the target), in an order
that keeps every link of the live site resolving, and the URLs that changed are reported for a CDN.
"""
