"""PLACEHOLDER written by the lead so the CLI loads; helper-1 replaces this file with the real command."""

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*")


def run(args: argparse.Namespace, config: object) -> int:
    raise NotImplementedError
