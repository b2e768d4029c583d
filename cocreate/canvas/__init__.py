"""The journey canvas: QGraphicsScene, QGraphicsView and the items on it (Qt graphics).

The scene mirrors the document; items report what a person did and never write to the file.
"""
