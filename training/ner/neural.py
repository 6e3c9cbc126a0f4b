"""Train the neural NER tagger (PyTorch, training only) and export it for the numpy runtime.

``python -m training.ner.neural exp [--cv] [--test] [--ensemble W]`` scores a variant on NERGrit
valid (train → valid), on the two CV folds of ``training.ner.experiments`` and, for reporting
only, on NERGrit test; ``--nerui`` scores NER-UI fold-1 dev. Scores go through the run-time code
(:class:`warta.enrich.ner.tagger.NerModel` with the exported numpy network), so they measure
what would ship. ``--ensemble W`` combines the net with a CRF trained on the same data (token
marginals averaged with weight ``W`` on the net, BIO-valid Viterbi where the two best paths
differ); ``--ensemble 1`` is the net alone, ``0`` the CRF alone.

``python -m training.ner.neural ship`` trains the net on the shipped training set
(``training.ner.train.shipped_training_set``) and writes ``src/warta/assets/ner_net.npz.xz``
plus the test fixture ``tests/fixtures/ner_net_expected.json`` (torch's scores of a few
sentences, which the numpy forward pass must reproduce).

The network (see ``warta/enrich/ner/neural.py`` for the inputs): embeddings → linear → ReLU →
residual dilated convolutions (1, 2, 4) → label scores → linear-chain CRF (negative
log-likelihood). Word embeddings start from the PPMI-SVD vectors of ``training.ner.clusters``
(the most frequent CLICK-ID words, projected to ``--word-dim`` dimensions) and are fine-tuned.
One thread (``torch.set_num_threads(1)``): a few minutes per run.
"""

from __future__ import annotations

import argparse
import io
import json
import lzma
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from training.ner import corpora as C
from training.ner.crf import train as train_crf
from training.ner.metrics import Scores, score
from training.ner.train import ASSETS, load_clusters, shipped_training_set
from warta.enrich.ner.crf import LABEL_INDEX, LABELS, NEG, allowed_starts, allowed_transitions
from warta.enrich.ner.features import FeatureExtractor, word_shape
from warta.enrich.ner.neural import N_RUN, NeuralTagger, Vocab
from warta.enrich.ner.tagger import NerModel

VECTORS_CACHE = Path(tempfile.gettempdir()) / "warta_ner_vectors.npz"
NET_PATH = ASSETS / "ner_net.npz.xz"
FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "ner_net_expected.json"
TYPES = ("PERSON", "ORGANIZATION", "PLACE")
N_TABLES = 8  # word, profile, k64, k256, k1024, case, shape, cue


@dataclass
class Config:
    """Network and training settings (the defaults are the shipped ones)."""

    vocab: int = 10_000
    word_dim: int = 48
    char_dim: int = 16
    char_filters: int = 48
    hidden: int = 64
    dilations: tuple[int, ...] = (1, 2, 4)
    epochs: int = 40
    batch: int = 16
    lr: float = 2e-3
    dropout: float = 0.5
    word_dropout: float = 0.1
    seed: int = 1
    small_dims: dict[str, int] = field(
        default_factory=lambda: {
            "prof": 4,
            "k64": 8,
            "k256": 16,
            "k1024": 16,
            "case": 4,
            "shape": 8,
            "cue": 4,
            "first": 4,
            "run": 8,
        }
    )


def news_vectors() -> tuple[list[str], np.ndarray]:
    """The PPMI-SVD word vectors of the news corpus, most frequent word first (cached in the
    temp directory: computing them takes about a minute)."""
    if not VECTORS_CACHE.exists():
        from training.ner.clusters import word_vectors

        vocab, emb, *_ = word_vectors()
        np.savez(VECTORS_CACHE, vocab=np.array(vocab), emb=emb.astype(np.float32))
    with np.load(VECTORS_CACHE) as npz:
        return [str(w) for w in npz["vocab"]], npz["emb"]


def build_vocab(
    sentences: Sequence[C.Sentence], clusters: dict[str, tuple[str, ...]], cfg: Config
) -> tuple[Vocab, np.ndarray]:
    """The input vocabularies (words from news only; characters and shapes seen twice in the
    training sentences) and the initial word embeddings."""
    words, emb = news_vectors()
    words, emb = words[: cfg.vocab], emb[: cfg.vocab]
    # Project the 100-d vectors on their top principal axes, rows scaled to unit length.
    centred = emb - emb.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    init = centred @ vt[: cfg.word_dim].T
    init /= np.linalg.norm(init, axis=1, keepdims=True) + 1e-8
    chars: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for tokens, _ in sentences:
        for tok in tokens:
            chars.update(tok)
            shapes[word_shape(tok)] += 1
    vocab = Vocab(
        words,
        sorted(c for c, n in chars.items() if n >= 2),
        sorted(s for s, n in shapes.items() if n >= 2),
        clusters,
    )
    table = np.zeros((len(words) + 1, cfg.word_dim), dtype=np.float32)
    table[1:] = init
    return vocab, table


class Net(nn.Module):
    """The torch twin of :class:`warta.enrich.ner.neural.NeuralTagger`."""

    trans_mask: torch.Tensor
    start_mask: torch.Tensor

    def __init__(self, vocab: Vocab, cfg: Config) -> None:
        super().__init__()
        d = cfg.small_dims
        sizes = vocab.sizes
        table_sizes = [
            (sizes["word"], cfg.word_dim),
            (6, d["prof"]),
            (65, d["k64"]),
            (257, d["k256"]),
            (1025, d["k1024"]),
            (5, d["case"]),
            (sizes["shape"], d["shape"]),
            (6, d["cue"]),
        ]
        self.embeddings = [nn.Embedding(n, k) for n, k in table_sizes]
        self.tables = nn.ModuleList(self.embeddings)
        for table in self.embeddings[1:]:
            nn.init.normal_(table.weight, std=0.3)
        self.char_emb = nn.Embedding(sizes["char"], cfg.char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, 3, padding=1)
        self.first = nn.Embedding(2, d["first"])
        self.run = nn.Embedding(N_RUN, d["run"])
        width = sum(k for _, k in table_sizes) + cfg.char_filters + d["first"] + d["run"]
        self.inp = nn.Linear(width, cfg.hidden)
        self.convs = nn.ModuleList(
            nn.Conv1d(cfg.hidden, cfg.hidden, 3, dilation=k, padding=k) for k in cfg.dilations
        )
        self.out = nn.Linear(cfg.hidden, len(LABELS))
        self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))
        self.register_buffer(
            "trans_mask",
            torch.tensor(np.where(allowed_transitions(), 0.0, NEG), dtype=torch.float32),
        )
        self.register_buffer(
            "start_mask", torch.tensor(np.where(allowed_starts(), 0.0, NEG), dtype=torch.float32)
        )
        self.dropout = nn.Dropout(cfg.dropout)
        self.cfg = cfg

    def emissions(
        self, ids: torch.Tensor, chars: torch.Tensor, ctx: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """Label scores ``(B, T, 7)``: ids ``(B, T, 8)``, chars ``(B, T, L)``, ctx ``(B, T, 2)``,
        mask ``(B, T)``."""
        b, t, n_chars = chars.shape
        parts = [table(ids[..., k]) for k, table in enumerate(self.embeddings)]
        c = self.char_emb(chars.view(b * t, n_chars)).transpose(1, 2)
        c = self.char_conv(c)
        c = c.masked_fill((chars.view(b * t, 1, n_chars) == 0), -1e9).max(dim=2).values
        c = torch.relu(c).view(b, t, -1)
        parts += [c, self.first(ctx[..., 0]), self.run(ctx[..., 1])]
        x = self.dropout(torch.cat(parts, dim=-1))
        m = mask.unsqueeze(1).float()
        h = torch.relu(self.inp(x)).transpose(1, 2) * m
        for conv in self.convs:
            h = (h + torch.relu(conv(self.dropout(h)))) * m
        return self.out(h.transpose(1, 2))

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed CRF negative log-likelihood of the gold tags."""
        trans = self.trans + self.trans_mask
        start = self.start + self.start_mask
        fmask = mask.float()
        gold = (em.gather(2, tags.unsqueeze(2)).squeeze(2) * fmask).sum(1)
        gold = gold + start[tags[:, 0]]
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * fmask[:, 1:]).sum(1)
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        alpha = start + em[:, 0]
        for i in range(1, em.shape[1]):
            step = torch.logsumexp(alpha.unsqueeze(2) + trans + em[:, i].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, i : i + 1], step, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - gold).sum()


Encoded = tuple[list[list[int]], list[list[int]], list[tuple[int, int]], list[int]]


def encode(vocab: Vocab, tokens: Sequence[str], labels: Sequence[str] | None) -> Encoded:
    """One sentence as network inputs (and label ids)."""
    ids, chars = zip(*(vocab.word_ids(w) for w in tokens), strict=True)
    tags = [LABEL_INDEX[lab] for lab in labels] if labels else [0] * len(tokens)
    return list(ids), list(chars), vocab.context_ids(tokens), tags


def batch_tensors(items: Sequence[Encoded]) -> tuple[torch.Tensor, ...]:
    """Pad a batch of encoded sentences: ids, chars, ctx, tags, mask."""
    t = max(len(x[0]) for x in items)
    n_chars = max(len(c) for x in items for c in x[1])
    b = len(items)
    ids = torch.zeros(b, t, N_TABLES, dtype=torch.long)
    chars = torch.zeros(b, t, n_chars, dtype=torch.long)
    ctx = torch.zeros(b, t, 2, dtype=torch.long)
    tags = torch.zeros(b, t, dtype=torch.long)
    mask = torch.zeros(b, t, dtype=torch.bool)
    for i, (w, c, x, y) in enumerate(items):
        n = len(w)
        ids[i, :n] = torch.tensor(w)
        for j, cs in enumerate(c):
            chars[i, j, : len(cs)] = torch.tensor(cs)
        ctx[i, :n] = torch.tensor(x)
        tags[i, :n] = torch.tensor(y)
        mask[i, :n] = True
    return ids, chars, ctx, tags, mask


def train_net(
    sentences: Sequence[C.Sentence],
    clusters: dict[str, tuple[str, ...]],
    cfg: Config,
    log: bool = True,
) -> tuple[Net, Vocab]:
    """Train the network on ``sentences`` for ``cfg.epochs`` epochs (no early stopping: the
    number of epochs is a setting chosen on valid/CV)."""
    torch.set_num_threads(1)
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    vocab, init = build_vocab(sentences, clusters, cfg)
    net = Net(vocab, cfg)
    with torch.no_grad():
        net.embeddings[0].weight.copy_(torch.from_numpy(init))
    data = [encode(vocab, t, lab) for t, lab in sentences]
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    steps = cfg.epochs * ((len(data) + cfg.batch - 1) // cfg.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=steps)
    t0 = time.perf_counter()
    for epoch in range(cfg.epochs):
        net.train()
        # batches of similar length (shuffled within length buckets) pad little
        order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.random() * 8)
        batches = [order[i : i + cfg.batch] for i in range(0, len(order), cfg.batch)]
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            ids, chars, ctx, tags, mask = batch_tensors([data[i] for i in idx])
            if cfg.word_dropout:
                drop = torch.rand(ids.shape[:2]) < cfg.word_dropout
                ids[..., 0] = ids[..., 0].masked_fill(drop, 0)
            loss = net.nll(net.emissions(ids, chars, ctx, mask), tags, mask)
            opt.zero_grad()
            (loss / len(idx)).backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        if log and (epoch % 10 == 9 or epoch == cfg.epochs - 1):
            print(
                f"  epoch {epoch + 1}: loss/sentence {total / len(data):.3f} "
                f"({time.perf_counter() - t0:.0f}s)",
                flush=True,
            )
    net.eval()
    return net, vocab


def export(net: Net, vocab: Vocab) -> dict[str, np.ndarray]:
    """The network as the arrays :class:`NeuralTagger` reads: float16, the word embeddings
    int8 with a float16 scale per row (the numpy side dequantises)."""
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    word = sd["tables.0.weight"]
    scale = np.abs(word).max(axis=1) / 127.0
    scale = np.where(scale > 0, scale, 1.0).astype(np.float16)
    q = np.clip(np.round(word / scale.astype(np.float32)[:, None]), -127, 127).astype(np.int8)
    names = ("prof", "k64", "k256", "k1024", "case", "shape", "cue")
    out: dict[str, np.ndarray] = {
        "vocab_words": np.array(vocab.words),
        "vocab_chars": np.array(vocab.chars),
        "vocab_shapes": np.array(vocab.shapes),
        "dilations": np.array(net.cfg.dilations, dtype=np.int16),
        "word_emb": q,
        "word_scale": scale,
        **{name: sd[f"tables.{k + 1}.weight"] for k, name in enumerate(names)},
        "char_emb": sd["char_emb.weight"],
        "char_w": sd["char_conv.weight"],
        "char_b": sd["char_conv.bias"],
        "first": sd["first.weight"],
        "run": sd["run.weight"],
        "inp_w": sd["inp.weight"],
        "inp_b": sd["inp.bias"],
        **{f"conv{k}_w": sd[f"convs.{k}.weight"] for k in range(len(net.convs))},
        **{f"conv{k}_b": sd[f"convs.{k}.bias"] for k in range(len(net.convs))},
        "out_w": sd["out.weight"],
        "out_b": sd["out.bias"],
        "trans": sd["trans"],
        "start": sd["start"],
        "end": sd["end"],
    }
    return {k: v.astype(np.float16) if v.dtype == np.float32 else v for k, v in out.items()}


def load_exported(net: Net, arrays: dict[str, np.ndarray]) -> None:
    """Put the exported (rounded) weights back into ``net``, so torch scores exactly what
    ships (used for the test fixture)."""
    sd = net.state_dict()
    word = arrays["word_emb"].astype(np.float32) * arrays["word_scale"].astype(np.float32)[:, None]
    new = {"tables.0.weight": word}
    names = ("prof", "k64", "k256", "k1024", "case", "shape", "cue")
    new.update({f"tables.{k + 1}.weight": arrays[n] for k, n in enumerate(names)})
    new.update(
        {
            "char_emb.weight": arrays["char_emb"],
            "char_conv.weight": arrays["char_w"],
            "char_conv.bias": arrays["char_b"],
            "first.weight": arrays["first"],
            "run.weight": arrays["run"],
            "inp.weight": arrays["inp_w"],
            "inp.bias": arrays["inp_b"],
            "out.weight": arrays["out_w"],
            "out.bias": arrays["out_b"],
            "trans": arrays["trans"],
            "start": arrays["start"],
            "end": arrays["end"],
        }
    )
    for k in range(len(net.convs)):
        new[f"convs.{k}.weight"] = arrays[f"conv{k}_w"]
        new[f"convs.{k}.bias"] = arrays[f"conv{k}_b"]
    for key, value in new.items():
        sd[key] = torch.from_numpy(np.asarray(value, dtype=np.float32))
    net.load_state_dict(sd)


def torch_emissions(net: Net, vocab: Vocab, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """The torch model's label scores for each sentence (eval mode)."""
    items = [encode(vocab, s, None) for s in sentences]
    ids, chars, ctx, _, mask = batch_tensors(items)
    with torch.no_grad():
        em = net.emissions(ids, chars, ctx, mask).numpy()
    return [em[i, : len(s)] for i, s in enumerate(sentences)]


def run_model(
    crf: bytes | None,
    arrays: dict[str, np.ndarray] | None,
    clusters: dict[str, tuple[str, ...]],
    weight: float,
) -> NerModel:
    """A run-time tagger: the CRF (``weight`` 0), the net (1), or both (``weight`` on the net)."""
    net = NeuralTagger(arrays, clusters) if arrays is not None and weight > 0 else None
    return NerModel(crf, clusters, net=net, net_weight=weight)


def setups(kind: str) -> list[tuple[str, list[C.Sentence], list[C.Sentence]]]:
    """valid / cv (two folds, as ``training.ner.experiments``) / nerui (fold-1 dev) / test."""
    from training.ner.experiments import setups as exp_setups

    if kind == "cv":
        return exp_setups(True)
    return exp_setups(False, {"valid": "nergrit"}.get(kind, kind))


def evaluate(args: argparse.Namespace, cfg: Config) -> None:
    """Train and score one variant on each requested setup; prints a row per setup."""
    clusters = load_clusters()
    kinds = ["valid"] + (["cv"] if args.cv else []) + (["nerui"] if args.nerui else [])
    kinds += ["test"] if args.test else []
    weights = [float(w) for w in args.ensemble.split(",")]
    for kind in kinds:
        sures = [None if x == "none" else float(x) for x in args.sure.split(",")]
        keeps = [bool(int(x)) for x in args.keep_ends.split(",")]
        totals = {
            (w, q, k): Scores()
            for w in weights
            for q in (sures if 0 < w < 1 else [None])
            for k in (keeps if 0 < w < 1 else [False])
        }
        t0 = time.perf_counter()
        for name, train_set, test_set in setups(kind):
            net, vocab = train_net(train_set, clusters, cfg)
            arrays = export(net, vocab)
            crf = None
            if any(w < 1 for w in weights):
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / "m.crfsuite"
                    train_crf(train_set, path, FeatureExtractor(clusters))
                    crf = path.read_bytes()
            for w, q, k in totals:
                model = run_model(crf if w < 1 else None, arrays, clusters, w)
                model.net_sure = q
                model.keep_crf_ends = k
                pred = model.tag_sentences([list(t) for t, _ in test_set])
                s = score([lab for _, lab in test_set], pred)
                for attr in ("tp", "pred", "gold"):
                    getattr(totals[w, q, k], attr).update(getattr(s, attr))
            print(f"  {name} done ({time.perf_counter() - t0:.0f}s)", flush=True)
        for (w, q, k), total in totals.items():
            p, r, f = total.prf()
            per = " / ".join(f"{total.prf(t)[2]:.3f}" for t in TYPES)
            print(
                f"| {args.name} w={w} sure={q} keep_ends={k} | {kind} | {p:.3f} | {r:.3f} | **{f:.4f}** | {per} |",
                flush=True,
            )


def ship(cfg: Config, sentences: Sequence[C.Sentence] | None = None) -> None:
    """Train on the shipped training set; write the asset and the numpy-vs-torch fixture."""
    clusters = load_clusters()
    data = list(sentences) if sentences is not None else shipped_training_set()
    t0 = time.perf_counter()
    net, vocab = train_net(data, clusters, cfg)
    arrays = export(net, vocab)
    buf = io.BytesIO()
    np.savez(buf, **arrays)  # type: ignore[arg-type]
    NET_PATH.write_bytes(lzma.compress(buf.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    print(
        f"trained on {len(data):,} sentences in {time.perf_counter() - t0:.0f}s; wrote "
        f"{NET_PATH} ({NET_PATH.stat().st_size:,} bytes)"
    )
    load_exported(net, arrays)
    probe = [
        "Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara Kim Jong Un di Pyongyang .".split(),
        "Kata Yang Moo Jin , rektor Universitas Studi Korea Utara di Seoul .".split(),
        "PT Pertamina ( Persero ) menaikkan harga BBM sejak Senin ( 1/9 ) .".split(),
    ]
    expected = torch_emissions(net, vocab, probe)
    FIXTURE.write_text(
        json.dumps(
            {
                "sentences": probe,
                "emissions": [np.round(e, 5).tolist() for e in expected],
            },
            indent=None,
        )
        + "\n"
    )
    print(f"wrote {FIXTURE}")


def main(argv: list[str] | None = None) -> None:
    """``exp``: score a variant; ``ship``: train and export the shipped net."""
    ap = argparse.ArgumentParser(description="Neural NER tagger: experiments and export.")
    ap.add_argument("command", choices=("exp", "ship"))
    ap.add_argument("--name", default="net")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--nerui", action="store_true")
    ap.add_argument("--test", action="store_true", help="NERGrit test: to report, never to choose")
    ap.add_argument(
        "--sure", default="none", help="ensemble: net-only above this marginal, e.g. none,0.95"
    )
    ap.add_argument("--keep-ends", default="0", help="ensemble: keep the CRF's span ends: 0,1")
    ap.add_argument("--ensemble", default="1", help="weights on the net, e.g. 1,0.5 (1 = net only)")
    for key, default in vars(Config()).items():
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            ap.add_argument(f"--{key.replace('_', '-')}", type=type(default), default=default)
    ap.add_argument("--dilations", default="1,2,4")
    args = ap.parse_args(argv)
    cfg = Config(
        **{k: getattr(args, k) for k, v in vars(Config()).items() if isinstance(v, (int, float))},
        dilations=tuple(int(x) for x in args.dilations.split(",")),
    )
    if args.command == "exp":
        evaluate(args, cfg)
    else:
        ship(cfg)


if __name__ == "__main__":
    main()
