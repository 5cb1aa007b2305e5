#!/usr/bin/env python3
"""Generate a library of UN-resolution-like texts for `benches/library.sh`.

Deterministic (same --seed, same bytes); standard library only. Writes N
documents, one paragraph per line, under OUT/docs/NNN/, and a 60-clause
draft OUT/draft.txt made of clauses of library documents (verbatim and
edited) and of new ones. Clauses are built from a shared stock of phrases,
so that, as in the real corpus, much wording recurs across documents while
each clause as a whole is rare.

Usage: python3 gen_library.py N OUT [--seed S]
"""

import argparse
import os
import random

LEADS_PP = [
    "Recalling", "Reaffirming", "Noting with concern", "Deeply concerned", "Welcoming",
    "Recognizing", "Stressing", "Bearing in mind", "Taking note of", "Gravely concerned",
    "Expressing its appreciation for", "Acknowledging", "Emphasizing", "Mindful", "Convinced",
]
LEADS_OP = [
    "Decides", "Requests the Secretary-General", "Calls upon", "Urges", "Demands", "Encourages",
    "Invites", "Welcomes", "Reaffirms", "Stresses", "Expresses deep concern", "Condemns",
    "Emphasizes", "Recommends", "Underlines",
]
SUBJECTS = [
    "all Member States", "the parties to the conflict", "the international community",
    "relevant United Nations entities", "regional and subregional organizations",
    "the specialized agencies", "international financial institutions", "donor countries",
    "the Secretariat", "States parties", "national authorities", "civil society organizations",
    "the Human Rights Council", "the Peacebuilding Commission", "the Economic and Social Council",
]
ACTIONS = [
    "to cease all hostilities", "to withdraw all military forces", "to refrain from any action",
    "to ensure the safe, rapid and unimpeded delivery of humanitarian assistance",
    "to respect and protect civilians and civilian objects", "to release all prisoners of war",
    "to comply fully with their obligations under international humanitarian law",
    "to facilitate the voluntary return of refugees and internally displaced persons",
    "to engage constructively in dialogue", "to investigate all alleged violations",
    "to provide adequate and predictable funding", "to strengthen national capacities",
    "to protect critical infrastructure", "to ensure accountability for the most serious crimes",
    "to support the peaceful settlement of disputes", "to uphold the rule of law",
    "to ensure the safety and security of United Nations personnel",
    "to remove all obstacles to humanitarian access", "to implement the agreed measures without delay",
    "to promote the full, equal and meaningful participation of women",
    "to combat impunity and strengthen accountability", "to mobilize additional resources",
    "to integrate a gender perspective into all policies", "to address the root causes of displacement",
]
TOPICS = [
    "sustainable development", "climate change", "food security", "the rights of the child",
    "the elimination of violence against women", "the rule of law at the national and international levels",
    "nuclear disarmament", "the peaceful uses of outer space", "global health", "migration",
    "the situation of human rights", "counter-terrorism", "small arms and light weapons",
    "the protection of journalists", "access to safe drinking water and sanitation",
    "the prevention of armed conflict", "oceans and the law of the sea", "disaster risk reduction",
    "the eradication of poverty", "quality education for all", "indigenous peoples",
    "persons with disabilities", "cybersecurity", "the independence of judges and lawyers",
]
PLACES = [
    "Ukraine", "the Republic of Moldova", "Georgia", "the Sudan", "South Sudan", "Somalia", "Mali",
    "the Central African Republic", "the Democratic Republic of the Congo", "Libya", "Yemen",
    "the Syrian Arab Republic", "Myanmar", "Afghanistan", "Haiti", "Lebanon", "Iraq", "Cyprus",
    "Colombia", "Burkina Faso", "the Niger", "the Sahel region", "the Great Lakes region",
]
CLAUSES = [
    "the purposes and principles of the Charter of the United Nations",
    "its previous resolutions on {topic}, including resolution {res} of {date}",
    "the report of the Secretary-General on {topic}",
    "the important role of {subject} in {topic}",
    "the need to strengthen international cooperation in {topic}",
    "the continuing deterioration of the situation in {place}",
    "the commitment to the sovereignty, independence, unity and territorial integrity of {place}",
    "that {topic} remains one of the greatest challenges facing the world today",
    "the efforts of {subject} to address {topic}",
    "the outcome of the high-level meeting on {topic} held on {date}",
    "the primary responsibility of States for {topic}",
    "the importance of a comprehensive and integrated approach to {topic}",
    "with deep concern the impact of the conflict in {place} on {topic}",
    "the contribution of {subject} to the implementation of the 2030 Agenda for Sustainable Development",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FILLER = [
    "in accordance with international law", "as a matter of priority", "within existing resources",
    "in close cooperation with Member States", "at all levels", "in a timely manner",
    "in particular in developing countries", "on the basis of national priorities",
    "with full respect for human rights", "through the relevant mechanisms",
    "including through technical assistance and capacity-building", "without further delay",
]


def date(rng):
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1995, 2025)}"


def fill(rng, tmpl):
    return tmpl.format(
        topic=rng.choice(TOPICS), subject=rng.choice(SUBJECTS), place=rng.choice(PLACES),
        res=f"{rng.randint(50, 79)}/{rng.randint(1, 330)}", date=date(rng),
    )


def preambular(rng):
    parts = [fill(rng, rng.choice(CLAUSES)) for _ in range(rng.randint(1, 3))]
    text = f"{rng.choice(LEADS_PP)} " + ", and ".join(parts)
    if rng.random() < 0.6:
        text += " " + rng.choice(FILLER)
    return text + ","


def operative(rng):
    text = f"{rng.choice(LEADS_OP)} {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}"
    for _ in range(rng.randint(0, 3)):
        text += f" and {rng.choice(ACTIONS)}" if rng.random() < 0.5 else f" {rng.choice(FILLER)}"
    if rng.random() < 0.5:
        text += ", with a view to " + fill(rng, rng.choice(CLAUSES))
    return text + ";"


def document(rng, k):
    session = 50 + k % 30
    adopted = rng.random() < 0.7
    symbol = f"A/RES/{session}/{k}" if adopted else f"A/{session}/L.{k}"
    topic = rng.choice(TOPICS)
    lines = ["United Nations " + symbol, "General Assembly", "Distr.: General" if adopted else "Distr.: Limited", date(rng)]
    if adopted:
        lines += [f"Resolution adopted by the General Assembly on {date(rng)}", f"{session}/{k}. {topic[0].upper() + topic[1:]}"]
    else:
        lines += ["Draft resolution", topic[0].upper() + topic[1:]]
    lines += ["", "The General Assembly,", ""]
    pps = [preambular(rng) for _ in range(rng.randint(6, 14))]
    ops = [operative(rng) for _ in range(rng.randint(6, 16))]
    ops[-1] = f"Decides to include in the provisional agenda of its {session + 1}th session the item entitled \"{topic}\"."
    body = []
    for p in pps:
        body += [p, ""]
    for i, o in enumerate(ops, 1):
        body += [f"{i}. {o}", ""]
        if rng.random() < 0.15:
            for j in range(rng.randint(2, 4)):
                body += [f"    ({'abcdefgh'[j]}) {fill(rng, rng.choice(CLAUSES))} {rng.choice(FILLER)};", ""]
    return symbol, "\n".join(lines + body) + "\n", pps, ops


def edit(rng, text):
    words = text.split()
    i = rng.randrange(1, max(2, len(words) - 1))
    words.insert(i, rng.choice(["further", "also", "fully", "urgently", "effectively"]))
    return " ".join(words)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    draft_pp, draft_op = [], []
    for k in range(1, a.n + 1):
        symbol, text, pps, ops = document(rng, k)
        d = os.path.join(a.out, "docs", f"{k // 1000:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, symbol.replace("/", "-") + ".txt"), "w") as f:
            f.write(text)
        if k % max(1, a.n // 40) == 0 and len(draft_pp) < 20:
            draft_pp.append(pps[0] if len(draft_pp) % 2 else edit(rng, pps[0]))
            draft_op.append(ops[0] if len(draft_op) % 2 else edit(rng, ops[0]))
    # new language: clauses no document has
    draft_pp += [f"Noting the new initiative number {i} on the governance of deep-sea minerals and artificial intelligence," for i in range(30 - len(draft_pp))]
    draft_op += [f"Establishes an open-ended working group number {i} on orbital debris, quantum computing and lunar resources;" for i in range(30 - len(draft_op))]
    lines = ["United Nations A/80/L.999", "General Assembly", "Draft resolution", "Generated draft", "", "The General Assembly,", ""]
    for p in draft_pp:
        lines += [p.rstrip(",;.") + ",", ""]
    for i, o in enumerate(draft_op, 1):
        lines += [f"{i}. {o.rstrip(',;.')};", ""]
    with open(os.path.join(a.out, "draft.txt"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
