#!/usr/bin/env python3
"""A one-court, multi-decade DataJud extract, for the disclosure benchmark (methodology.md).

The shape of the real single-court extracts that issue 31 found losing every yearly count: one
first-instance court (TJTO, unit 4521, Palmas), a handful of cases a year filed from 1968 on (a
few still pending decades later), then thousands a year since 2015. Deterministic (seed 31).

    python3 bench/one-court-datajud.py /tmp/dj     # writes /tmp/dj/datajud/extract.jsonl
    bin/justice-monitor run --demo --profile data-samples/profiles/datajud/profile.json \
        --input /tmp/dj --output /tmp/dj-out --as-of 2025-12-31
"""
import datetime as dt
import json
import os
import random
import sys


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def filings_in(year, rng):
    if year < 1990:
        return rng.choice([0, 0, 0, 1, 1, 2])
    if year < 2005:
        return rng.choice([0, 1, 2, 3, 5])
    if year < 2015:
        return 20 * (year - 2004)
    return 2000 + 100 * (year - 2015)


def main(out):
    rng = random.Random(31)
    os.makedirs(os.path.join(out, "datajud"), exist_ok=True)
    as_of = dt.datetime(2025, 12, 31)
    n = 0
    with open(os.path.join(out, "datajud", "extract.jsonl"), "w") as f:
        for year in range(1968, 2026):
            for _ in range(filings_in(year, rng)):
                n += 1
                filed = dt.datetime(year, 1, 1) + dt.timedelta(days=rng.randrange(365), hours=9)
                moves = [{"codigo": 26, "nome": "Distribuição", "dataHora": iso(filed + dt.timedelta(days=rng.randrange(4)))}]
                # Old cases are the ones still pending; recent ones take months, lognormal.
                pending = rng.random() < (0.25 if year < 2005 else 0.04)
                decided = filed + dt.timedelta(days=int(rng.lognormvariate(5.3, 0.7)))
                if not pending and decided < as_of:
                    code = rng.choice([219, 219, 220, 221, 466])
                    moves.append({"codigo": code, "nome": "Julgamento", "dataHora": iso(decided)})
                number = f"{n:07d}{year}8274521"
                f.write(json.dumps({"_index": "api_publica_tjto", "_id": "TJTO_G1_" + number, "_score": None, "_source": {
                    "numeroProcesso": number, "classe": {"codigo": 7, "nome": "Procedimento Comum Cível"},
                    "formato": {"codigo": 1 if year >= 2012 else 2, "nome": ""}, "tribunal": "TJTO",
                    "dataHoraUltimaAtualizacao": "2025-12-31T08:00:00.000Z", "grau": "G1",
                    "dataAjuizamento": iso(filed), "movimentos": moves,
                    "orgaoJulgador": {"codigoMunicipioIBGE": 1721000, "codigo": 4521, "nome": "1ª Vara Cível de Palmas"}}},
                    ensure_ascii=False) + "\n")
    print(f"{n} cases under {out}/datajud/")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "one-court-extract")
