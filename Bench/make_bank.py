#!/usr/bin/env python3
"""Writes a deterministic scenario bank for the crm-ticket-monitor lesson.

usage: make_bank.py COUNT OUT.yaml [SEED]

The same COUNT and SEED give the same bytes on every machine: only the standard library's
Mersenne Twister is used, and the YAML is written by hand so no emitter version can change
the layout. The text of each ticket is built from the facts, so the bank reads like the
bundled scenarios and `validate` finds no contradictions in it.
"""

import random
import sys

CITIES = [
    "Cluj", "Pitești", "Timișoara", "Constanța", "Sibiu", "Oradea", "Bacău", "Galați",
    "Iași", "Brașov", "Craiova", "Ploiești", "Buzău", "Satu Mare", "Piatra Neamț",
    "Râmnicu Vâlcea", "Drobeta-Turnu Severin", "Târgu Mureș", "Suceava", "Botoșani",
    "Reșița", "Alba Iulia", "Focșani", "Tulcea", "Slatina", "Călărași", "Zalău",
]
# Slugs keep ids ASCII, as in the bundled files.
ASCII = str.maketrans("ăâîșțĂÂÎȘȚ", "aaistAAIST")

BUSINESSES = [
    ("Farmacia", "pharmacy", "Pharmacy"), ("Benzinăria", "petrol", "Petrol station"),
    ("Restaurantul", "restaurant", "Restaurant"), ("Magazinul", "shop", "Shop"),
    ("Supermarketul", "supermarket", "Supermarket"), ("Alimentara", "grocery", "Grocery"),
    ("Librăria", "bookshop", "Bookshop"), ("Brutăria", "bakery", "Bakery"),
    ("Chioșcul", "kiosk", "Kiosk"), ("Papetăria", "stationery", "Stationery"),
    ("Cofetăria", "patisserie", "Patisserie"), ("Florăria", "florist", "Florist"),
    ("Măcelăria", "butcher", "Butcher"), ("Bricolajul", "diy", "DIY store"),
]
NAMES = [
    "Sănătatea", "Dunărea", "Someș", "Olt", "Bega", "Mureș", "Carpați", "Ceahlău",
    "Făget", "Țara Noastră", "Stejarul", "Mărțișor", "Izvorul", "Pădurea", "Câmpia",
]
GREETINGS_RO = ["Bună ziua", "Alo, bună", "Da, bună", "Bună dimineața", "Săru'mâna"]
GREETINGS_EN = ["Hello", "Hi", "Yes, hi", "Good morning", "Good day"]

# (Romanian, English) pieces for each kind of request.
FAULTS = [
    ("casa nu se poate conecta la baza de date", "the till can't connect to the database"),
    ("imprimanta fiscală nu mai răspunde", "the fiscal printer has stopped responding"),
    ("posul arată „eroare conexiune server”", "the POS shows 'server connection error'"),
    ("ecranul casei s-a blocat și nu se mișcă nimic",
     "the till's screen has frozen and nothing moves"),
    ("scanerul nu mai citește codurile de bare", "the scanner no longer reads barcodes"),
    ("programul de vânzare se închide singur", "the sales program closes by itself"),
]
STOPPED = [
    ("Nu iese niciun bon, oamenii stau la coadă.",
     "No receipt comes out, people are queuing."),
    ("E singura casă, nu putem încasa nimic.", "It's the only till, we can't take payments."),
    ("Toate casele s-au oprit, vânzarea e blocată.",
     "Every till has stopped, selling is blocked."),
]
SELLING = [
    ("Deocamdată vindem pe cealaltă casă.", "For now we're selling on the other till."),
    ("Bonurile ies de pe casa mare, deci mergem mai departe.",
     "Receipts come out of the big till, so we carry on."),
    ("Nu ardem, lucrăm pe a doua casă.",
     "We're not desperate, we're working on the second till."),
]
MISTAKES = [
    ("Azi-dimineață am pornit casa înaintea serverului.",
     "This morning we switched on the till before the server."),
    ("Colega a scos cablul de rețea când a mutat raftul.",
     "A colleague pulled out the network cable when she moved the shelf."),
    ("Am schimbat din greșeală data din setări.",
     "We changed the date in the settings by mistake."),
]
REMOTE_FAILED = [
    ("Colegul vostru a încercat de la distanță și n-a reușit.",
     "Your colleague tried remotely and couldn't fix it."),
    ("Am vorbit la telefon o oră și tot nu merge.",
     "We spent an hour on the phone and it still doesn't work."),
]
HOW_TO = [
    ("Cum fac o recepție de marfă în program?", "How do I do a goods receipt in the program?"),
    ("Cum scot raportul Z la sfârșitul zilei?",
     "How do I print the Z report at the end of the day?"),
    ("Cum anulez un bon greșit?", "How do I cancel a wrong receipt?"),
    ("Unde găsesc lista de prețuri în meniu?", "Where do I find the price list in the menu?"),
]
FISCAL = [
    ("Vrem să adăugați produse noi în casa de marcat.",
     "We'd like you to add new products to the cash register."),
    ("De luni se schimbă prețurile, vă rog să le modificați.",
     "Prices change from Monday, please update them."),
    ("Trebuie programată predarea memoriei fiscale.",
     "The fiscal-memory handover has to be booked."),
    ("Se schimbă cota de TVA și casa trebuie reprogramată.",
     "The VAT rate changes and the till has to be reprogrammed."),
]
SERVICE = [
    ("Notă call-center: Service soluție, montaj scaner nou, deplasare joi.",
     "Call-centre note: Service soluție, new scanner install, visit on Thursday."),
    ("Notă call-center: Service soluție, mutarea casei în alt colț al magazinului.",
     "Call-centre note: Service soluție, moving the till to another corner of the shop."),
    ("Notă call-center: Service soluție, verificare anuală a echipamentelor.",
     "Call-centre note: Service soluție, yearly check of the equipment."),
]
FILLER = [
    ("Vă mulțumesc frumos.", "Thank you very much."),
    ("Sunăm din nou dacă e nevoie.", "We'll call again if needed."),
    ("Suntem deschiși până la ora opt.", "We're open until eight."),
    ("Numărul de client e pe factură.", "The client number is on the invoice."),
    ("Ne grăbim puțin, e aglomerat.", "We're in a bit of a hurry, it's busy."),
]
PRIORITIES = ["Ridicată", "Normală", "Redusă"]
SEVERITIES = ["Critică", "Redusă", "Funcționalitate"]


def quoted(text):
    """A YAML double-quoted scalar; the word lists hold no control characters."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scenario(rng, number):
    city = rng.choice(CITIES)
    business_ro, business_slug, business_en = rng.choice(BUSINESSES)
    name = rng.choice(NAMES)
    greeting = rng.randrange(len(GREETINGS_RO))
    ro = [f"{GREETINGS_RO[greeting]}, {business_ro} {name} din {city}."]
    en = [f"{GREETINGS_EN[greeting]}, {business_en} {name} in {city}."]

    # Requests weighted roughly like a real queue: mostly faults.
    request = rng.choices(["fault", "how-to", "fiscal", "service"], [55, 15, 15, 15])[0]
    stopped = mistake = failed = False
    if request == "fault":
        stopped = rng.random() < 0.4
        mistake = rng.random() < 0.2
        failed = rng.random() < 0.2
        piece = rng.choice(FAULTS)
        ro.append(piece[0][0].upper() + piece[0][1:] + ".")
        en.append(piece[1][0].upper() + piece[1][1:] + ".")
        for flag, pieces in ((mistake, MISTAKES), (failed, REMOTE_FAILED)):
            if flag:
                piece = rng.choice(pieces)
                ro.append(piece[0])
                en.append(piece[1])
        piece = rng.choice(STOPPED if stopped else SELLING)
    else:
        # A how-to ticket that remote help could not settle has no rule for its type, so
        # the bank keeps how-to tickets answerable by HelpDesk and every field graded.
        piece = rng.choice({"how-to": HOW_TO, "fiscal": FISCAL, "service": SERVICE}[request])
    ro.append(piece[0])
    en.append(piece[1])
    for _ in range(rng.randrange(3)):
        piece = rng.choice(FILLER)
        ro.append(piece[0])
        en.append(piece[1])

    slug = f"{city}-{business_slug}".translate(ASCII).lower().replace(" ", "-")
    lines = [
        f"  - id: {slug}-{number:06d}",
        "    ticket:",
        f"      ro: {quoted(' '.join(ro))}",
        f"      en: {quoted(' '.join(en))}",
        "    facts:",
        f"      request: {request}",
        f"      sales_stopped: {str(stopped).lower()}",
        f"      operator_error: {str(mistake).lower()}",
        f"      remote_fix_failed: {str(failed).lower()}",
    ]
    if request in ("fiscal", "service"):
        # The lesson is silent on these two fields here, so the ticket must state them.
        lines += [
            "    expect:",
            f"      priority: {rng.choice(PRIORITIES)}",
            f"      severity: {rng.choice(SEVERITIES)}",
        ]
    return "\n".join(lines) + "\n\n"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: make_bank.py COUNT OUT.yaml [SEED]")
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 20240611)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# {count} generated tickets for benchmarking; not for trainees.\n")
        out.write("lesson: crm-ticket-monitor\npurpose: practice\nscenarios:\n")
        for number in range(1, count + 1):
            out.write(scenario(rng, number))


if __name__ == "__main__":
    main()
