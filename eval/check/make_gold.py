#!/usr/bin/env python3
"""Source of eval/check/gold.jsonl: writes the gold file from the table below.

Why a script: the gold is hand-made; keeping it as one table with short notes
makes it reviewable, and writing it out guarantees the key order the checker
expects. Run `python3 eval/check/make_gold.py && python3 eval/check/check_gold.py`.
"""
import json
import pathlib

N1 = "nato/washington-summit-preview.md"
N2 = "nato/washington-summit-closes.html"
M1 = "india/modi-moscow-arrives.txt"
M2 = "india/modi-kremlin-talks.html"
K = "india/modi-zelensky-kyiv.txt"
B1 = "ukraine/burgenstock-opens.html"
B2 = "ukraine/burgenstock-communique.md"
L1 = "asia-pacific/lima-preview.txt"
L2 = "asia-pacific/biden-xi-lima.html"
G = "summits/g20-rio-opens.md"
F1 = "feeds/gnd-digest.jsonl#1"
F2 = "feeds/gnd-digest.jsonl#2"
F3 = "feeds/gnd-digest.jsonl#3"
C = "northamerica/carney-white-house.txt"
R = "gulf/riyadh-arrival.html"
D = "gulf/doha-lusail.md"
A = "feeds/desk-b.jsonl#1"
RA = "africa/undated-ramaphosa-oval-office.txt"
DR = "africa/drc-rwanda-signing.md"
GL = "africa/undated-great-lakes-explainer.txt"
P = "asean/putrajaya-talks.txt"
GBC = "feeds/desk-b.jsonl#2"
E1 = "europe/eu-china-summit-preview.md"
E2 = "europe/eu-china-beijing.html"


def pl(city, country):
    return {"city": city, "country": country}


US = "United States"
WASH = pl("Washington", US)

# id, kind, date, end, participants, place, status, documents, note
EVENTS = [
    # --- NATO Washington, July 2024
    ("nato-washington-summit", "summit", "2024-07-09", "2024-07-11",
     ["Joe Biden", "Jens Stoltenberg", "Volodymyr Zelensky", "Keir Starmer"], WASH, "held", [N1, N2, M1],
     "Preview (Mon 8 Jul): opens \"on Tuesday evening\" at the Mellon Auditorium, sessions \"Wednesday and Thursday\" at the convention center (three-day). M1 (8 Jul): \"the NATO summit that opens on Tuesday\". Report (Thu 11 Jul): \"wrapped up ... on Thursday\"."),
    ("nato-ukraine-council-washington", "meeting", "2024-07-11", None,
     ["Volodymyr Zelensky", "Jens Stoltenberg"], WASH, "held", [N1, N2],
     "NATO-Ukraine Council: planned \"on Thursday\" in the preview, held \"on the final day\". Group participant (allied leaders). Inside the summit but a distinct meeting, like the sidelines meetings in eval/dev."),
    ("biden-zelensky-washington-jul2024", "meeting", "2024-07-11", None,
     ["Joe Biden", "Volodymyr Zelensky"], WASH, "held", [N2],
     "\"Afterwards the Ukrainian president met Biden on the margins of the summit\" on the final day (Thursday). The \"President Putin\" slip is not an event."),
    ("starmer-biden-white-house", "meeting", "2024-07-10", None,
     ["Keir Starmer", "Joe Biden"], WASH, "held", [N1, N2],
     "Planned \"at the White House on Wednesday\" (pub Mon 8 Jul); held \"in the Oval Office on Wednesday\" (pub Thu 11 Jul): metonymy for Washington."),
    ("washington-summit-declaration", "statement", "2024-07-10", None,
     ["Joe Biden", "Jens Stoltenberg"], WASH, "held", [N1, N2],
     "Declaration \"adopted ... on Wednesday\" (report of Thu 11 Jul); the preview mentions the expected declaration without a day. Group: the 32 heads of state and government."),
    ("north-atlantic-treaty-1949", "agreement", "1949-04", None,
     [], WASH, "held", [N1],
     "Recall: the Mellon Auditorium is \"the hall where the North Atlantic Treaty was signed in April 1949\". Nobody named."),
    ("nato-hague-summit-2025", "summit", "2025", None,
     [], pl("The Hague", "Netherlands"), "planned", [N2],
     "\"The alliance's next summit will be held in The Hague next year\" (pub 2024). Year only."),
    # --- Modi in Russia and Austria, July 2024
    ("modi-putin-novo-ogaryovo", "meeting", "2024-07-08", None,
     ["Narendra Modi", "Vladimir Putin"], pl("Moscow", "Russia"), "held", [M1, M2, N1],
     "Private dinner at Novo-Ogaryovo, Putin's residence outside Moscow, \"on Monday\" (pub Mon 8 Jul); M2: \"a day after the Russian president hosted the Indian prime minister for dinner at his country residence\". N1 mentions Modi \"arriving in Moscow\" (Monday). City: Moscow (Novo-Ogaryovo accepted). An extraction of Modi's two-day visit (8-9 Jul) matches this or the next event."),
    ("india-russia-summit-kremlin-2024", "summit", "2024-07-09", None,
     ["Narendra Modi", "Vladimir Putin"], pl("Moscow", "Russia"), "held", [M1, M2, K],
     "22nd annual summit: planned \"at the Kremlin on Tuesday\" (pub Mon 8 Jul), held \"in the Kremlin on Tuesday\" (pub Tue 9 Jul, JSON-LD only); recalled in K as \"his much-criticised trip to Moscow\" six weeks earlier. The aside of M2 holds <time> tags of other stories (2024-06-14, 2024-07-04): related links, not events."),
    ("india-russia-summit-2021", "summit", "2021-12", None,
     ["Narendra Modi", "Vladimir Putin"], pl("New Delhi", "India"), "held", [M1],
     "Recall: \"last held such a summit in December 2021, in New Delhi\"."),
    ("modi-austria-visit", "visit", "2024-07-09", "2024-07-10",
     ["Narendra Modi", "Karl Nehammer"], pl("Vienna", "Austria"), "planned", [M1, M2],
     "Flies to Vienna \"on Tuesday\", talks with Chancellor Nehammer \"on Wednesday\" (M1, M2). Only previewed in the corpus, so planned. A meeting extraction dated 10 Jul matches."),
    ("putin-india-visit-2025", "visit", "2025", None,
     ["Vladimir Putin"], pl(None, "India"), "planned", [M2],
     "\"Putin had accepted an invitation to visit India next year for the next annual summit\" (pub 2024). Year only, no city."),
    # --- Modi in Poland and Ukraine, August 2024
    ("modi-kyiv-visit", "visit", "2024-08-23", None,
     ["Narendra Modi", "Volodymyr Zelensky"], pl("Kyiv", "Ukraine"), "held", [K],
     "Visit and talks at the Mariinskyi Palace \"on Friday\" (pub Fri 23 Aug). The four agreements signed are part of the visit (an agreement extraction matches)."),
    ("modi-tusk-warsaw", "meeting", "2024-08-22", None,
     ["Narendra Modi", "Donald Tusk"], pl("Warsaw", "Poland"), "held", [K],
     "\"held talks with Polish Prime Minister Donald Tusk on Thursday\" (pub Fri 23 Aug)."),
    ("zelensky-india-visit", "visit", None, None,
     ["Volodymyr Zelensky", "Narendra Modi"], pl(None, "India"), "planned", [K],
     "Invitation: \"He invited Zelensky to visit India.\" No date."),
    ("biden-kyiv-visit-2023", "visit", "2023-02", None,
     ["Joe Biden"], pl("Kyiv", "Ukraine"), "held", [K],
     "Recall: the railway carriage carried \"US President Joe Biden in February last year\" (pub 2024)."),
    # --- Bürgenstock, June 2024
    ("burgenstock-peace-summit", "summit", "2024-06-15", "2024-06-16",
     ["Viola Amherd", "Volodymyr Zelensky", "Kamala Harris"], pl("Bürgenstock", "Switzerland"), "held", [B1, B2, K],
     "\"met ... on Saturday for a two-day conference\" (B1, pub Sat 15 Jun, og meta); \"came to a close\" on Sunday (B2). K recalls \"the peace summit held in Switzerland in June\". Russia and China absent (not participants)."),
    ("harris-zelensky-burgenstock", "meeting", "2024-06-15", None,
     ["Kamala Harris", "Volodymyr Zelensky"], pl("Bürgenstock", "Switzerland"), "held", [B1],
     "\"held a meeting with Zelensky on the sidelines on Saturday afternoon\"."),
    ("g7-apulia-2024", "summit", "2024-06-13", "2024-06-15",
     ["Rishi Sunak", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"], pl(None, "Italy"), "held", [B1],
     "\"the Group of Seven summit in Apulia, southern Italy, which had run from Thursday to Saturday\" (pub Sat 15 Jun). Apulia is a region: no city."),
    ("burgenstock-communique", "statement", "2024-06-16", None,
     ["Volodymyr Zelensky", "Viola Amherd"], pl("Bürgenstock", "Switzerland"), "held", [B2],
     "\"endorsed a joint communique on Sunday\". India, Saudi Arabia, South Africa etc. did not sign: not participants. The closing news conference is not an event."),
    ("second-peace-summit", "summit", None, None,
     ["Volodymyr Zelensky"], None, "planned", [B2],
     "\"preparations for a second summit would begin straight away ... neither a date nor a host was announced\". Undatable, unplaced."),
    # --- Lima (APEC), November 2024
    ("biden-xi-lima", "meeting", "2024-11-16", None,
     ["Joe Biden", "Xi Jinping", "Jake Sullivan"], pl("Lima", "Peru"), "held", [L1, L2, F1],
     "Planned \"on Saturday\" (pub Thu 14 Nov, -05:00), held \"on Saturday\" at the Chinese delegation's hotel (JSON-LD in @graph, pub Sat 16 Nov -05:00), recalled as \"in Lima at the weekend\" (F1, pub Tue 19 Nov)."),
    ("biden-xi-woodside", "summit", "2023-11", None,
     ["Joe Biden", "Xi Jinping"], pl("Woodside", US), "held", [L1, L2],
     "Recall: \"at the Filoli estate in Woodside, California, last November\" (pub Nov 2024); \"the Filoli estate in California a year ago\"."),
    ("biden-xi-call-apr2024", "call", "2024-04", None,
     ["Joe Biden", "Xi Jinping"], None, "held", [L1],
     "\"The two men last spoke by phone in April.\" (pub Nov 2024). Month only."),
    ("biden-xi-bali", "meeting", "2022", None,
     ["Joe Biden", "Xi Jinping"], pl("Bali", "Indonesia"), "held", [L2],
     "Recall: \"after Bali in 2022\". Year only. Bali is an island; city accepted as given."),
    ("apec-lima-2024", "summit", "2024-11-15", "2024-11-16",
     ["Joe Biden", "Xi Jinping"], pl("Lima", "Peru"), "held", [L1, L2],
     "\"APEC leaders meet on Friday and Saturday\" (pub Thu 14 Nov); L2 reports the meetings \"on the margins of the APEC summit\" on Saturday."),
    ("biden-ishiba-yoon-lima", "meeting", "2024-11-15", None,
     ["Joe Biden", "Shigeru Ishiba", "Yoon Suk Yeol"], pl("Lima", "Peru"), "held", [L1, L2],
     "Trilateral planned \"on Friday\" (L1), held \"On Friday\" (L2)."),
    ("biden-manaus-visit", "visit", "2024-11-17", None,
     ["Joe Biden"], pl("Manaus", "Brazil"), "held", [L1, G],
     "Planned stop \"in Manaus on Sunday\" (L1); G (pub Mon 18 Nov): \"flew in from Manaus after touring the Amazon rainforest on Sunday\"."),
    # --- G20 Rio, November 2024
    ("g20-rio-summit", "summit", "2024-11-18", "2024-11-19",
     ["Luiz Inácio Lula da Silva", "Joe Biden", "Xi Jinping", "Keir Starmer", "Sergei Lavrov", "Javier Milei"], pl("Rio de Janeiro", "Brazil"), "held", [L1, L2, G, F1],
     "Previewed \"on Monday and Tuesday\" (L1); opened Monday at the Museum of Modern Art (G); \"ended ... on Tuesday\" (F1). Putin absent."),
    ("g20-rio-declaration", "statement", "2024-11-18", None,
     ["Luiz Inácio Lula da Silva"], pl("Rio de Janeiro", "Brazil"), "held", [G, F1],
     "\"adopted their joint declaration on Monday, the first day\"; F1: \"already adopted their declaration on Monday\". Separate from the summit (eval/dev convention)."),
    ("starmer-xi-rio", "meeting", "2024-11-18", None,
     ["Keir Starmer", "Xi Jinping"], pl("Rio de Janeiro", "Brazil"), "held", [G],
     "\"On the sidelines on Monday\"."),
    ("uk-china-leaders-2018", "meeting", "2018", None,
     ["Xi Jinping"], None, "held", [G],
     "Recall: \"the first meeting between a British prime minister and a Chinese leader since 2018\". Year only, the British side unnamed."),
    ("xi-albanese-rio", "meeting", "2024-11-18", None,
     ["Xi Jinping", "Anthony Albanese"], pl("Rio de Janeiro", "Brazil"), "held", [F1],
     "\"met Australian Prime Minister Anthony Albanese on Monday\" (pub Tue 19 Nov)."),
    ("xi-brasilia-state-visit", "visit", "2024-11-20", None,
     ["Xi Jinping", "Luiz Inácio Lula da Silva"], pl("Brasília", "Brazil"), "planned", [L2, F1],
     "L2: \"a state visit to Brasília\" (no day); F1: \"talks with Lula scheduled there on Wednesday\" (pub Tue 19 Nov)."),
    ("g20-johannesburg-2025", "summit", "2025", None,
     ["Cyril Ramaphosa"], pl("Johannesburg", "South Africa"), "planned", [G, F1, RA],
     "G, F1 (2024): Johannesburg hosts \"next year\" / \"in 2025\"; the undated RA says \"in November\" with no year, which by the eval/dev convention gives no date; so year 2025 only."),
    # --- COP29 and Lebanon, November 2024
    ("cop29-baku", "conference", "2024-11-11", "2024-11-24",
     ["Mukhtar Babayev"], pl("Baku", "Azerbaijan"), "held", [F1, F2],
     "\"opened in Baku on 11 November, had been due to end on Friday\" (22 Nov), ended \"early on Sunday\" (pub Sun 24 Nov): overran by two days; the end is the 24th, with a schedule-change finding. F1: \"in its second week\"."),
    ("pannier-runacher-baku-trip", "visit", "2024-11", None,
     ["Agnès Pannier-Runacher"], pl("Baku", "Azerbaijan"), "cancelled", [F2],
     "\"called off her trip to Baku\" after Aliyev's remarks (first week of COP29, no day). Argentina pulling its delegation is not a meeting."),
    ("cop30-belem", "conference", "2025-11", None,
     [], pl("Belém", "Brazil"), "planned", [F2, E2],
     "F2 (pub Nov 2024): \"in Belem ... in November next year\"; E2 (pub Jul 2025): \"the COP30 conference in Belém in November\". Spelling Belem/Belém."),
    ("israel-lebanon-ceasefire", "agreement", "2024-11-26", None,
     ["Joe Biden", "Emmanuel Macron", "Benjamin Netanyahu", "Najib Mikati"], None, "held", [F3],
     "Announced by Biden \"on Tuesday\" (pub Wed 27 Nov +02:00); took effect 4 a.m. Wednesday. The Biden-Macron joint statement and the Israeli security cabinet vote (domestic) belong to / are not separate events; a statement extraction on 26 Nov with Biden/Macron matches this event."),
    ("hochstein-beirut-nov2024", "meeting", "2024-11", None,
     ["Amos Hochstein"], pl("Beirut", "Lebanon"), "held", [F3],
     "\"who met Lebanese officials in Beirut ... last week\" (pub Wed 27 Nov): week of 18-24 Nov, month only."),
    ("hochstein-netanyahu-nov2024", "meeting", "2024-11", None,
     ["Amos Hochstein", "Benjamin Netanyahu"], pl(None, "Israel"), "held", [F3],
     "\"and Netanyahu in Israel last week\": month only, country only."),
    # --- Trump-Carney, May 2025
    ("trump-carney-white-house", "meeting", "2025-05-06", None,
     ["Donald Trump", "Mark Carney", "Mélanie Joly", "François-Philippe Champagne", "Marco Rubio", "Howard Lutnick"], WASH, "held", [C],
     "\"at the White House on Tuesday\" (pub Tue 6 May -04:00); Oval Office then working lunch in the Cabinet Room: one event. The 28 April election is domestic."),
    ("g7-kananaskis-2025", "summit", "2025-06", None,
     ["Donald Trump", "Mark Carney"], pl("Kananaskis", "Canada"), "planned", [C],
     "\"expected to see each other again next month at the Group of Seven summit Canada is hosting in Kananaskis, Alberta\" (pub May 2025)."),
    # --- Trump's Gulf tour, May 2025
    ("trump-saudi-visit", "visit", "2025-05-13", "2025-05-14",
     ["Donald Trump", "Mohammed bin Salman"], pl("Riyadh", "Saudi Arabia"), "held", [R, D, A],
     "Arrived \"on Tuesday\", talks at the Royal Court and signing of a strategic economic partnership (part of this event; an agreement or meeting extraction dated 13 May matches); left for Doha Wednesday afternoon. A: \"began in Riyadh on Tuesday\"."),
    ("trump-sharaa-riyadh", "meeting", "2025-05-14", None,
     ["Donald Trump", "Ahmed al-Sharaa", "Mohammed bin Salman", "Recep Tayyip Erdogan"], pl("Riyadh", "Saudi Arabia"), "held", [R, D],
     "Planned \"in Riyadh on Wednesday\" (R, pub Tue 13 May); held \"on Wednesday morning\" (D, pub Wed 14 May); Erdogan joined by telephone."),
    ("gcc-us-summit-riyadh", "summit", "2025-05-14", None,
     ["Donald Trump", "Mohammed bin Salman"], pl("Riyadh", "Saudi Arabia"), "held", [R, D],
     "Planned \"a meeting with the leaders of the Gulf Cooperation Council\" after Sharaa (R); held (D). Group participant: the six GCC leaders."),
    ("trump-qatar-visit", "visit", "2025-05-14", "2025-05-15",
     ["Donald Trump", "Tamim bin Hamad Al Thani"], pl("Doha", "Qatar"), "held", [R, D, A, RA],
     "\"flies to Doha on Wednesday afternoon\" (R); received at the Amiri Diwan, state dinner at Lusail Palace (D); A: \"arrived on Thursday afternoon from Qatar\". The Boeing signing witnessed by both is part of it. RA (undated) recalls \"the jet offered by Qatar during Trump's Gulf tour last week\". Al Udeid Air Base (troops) is not diplomatic."),
    ("trump-uae-visit", "visit", "2025-05-15", "2025-05-16",
     ["Donald Trump", "Mohamed bin Zayed Al Nahyan"], pl("Abu Dhabi", "United Arab Emirates"), "held", [R, D, A],
     "Planned \"to Abu Dhabi on Thursday\" (R, D); held: talks at Qasr Al Watan Thursday, left Friday (A, `maintext`/`date_publish` without offset)."),
    ("trump-riyadh-2017", "visit", "2017", None,
     ["Donald Trump"], pl("Riyadh", "Saudi Arabia"), "held", [R],
     "Recall: \"In 2017 he also chose Riyadh for his first trip abroad\"."),
    # --- Trump-Ramaphosa (undated article)
    ("trump-ramaphosa-oval-office", "meeting", None, None,
     ["Donald Trump", "Cyril Ramaphosa"], WASH, "held", [RA],
     "Only in an undated article (no front matter): \"on Wednesday\" cannot be resolved; must stay undated. Real date 21 May 2025 (outside knowledge, not gold). Golfers and Rupert are companions."),
    # --- DRC-Rwanda, 2025
    ("drc-rwanda-peace-agreement", "agreement", "2025-06-27", None,
     ["Thérèse Kayikwamba Wagner", "Olivier Nduhungirehe", "Marco Rubio"], WASH, "held", [DR, GL],
     "Signed at the State Department \"on Friday\" (pub Fri 27 Jun -04:00); GL (undated): \"at the end of June\"."),
    ("trump-drc-rwanda-ministers", "meeting", "2025-06-27", None,
     ["Donald Trump", "Thérèse Kayikwamba Wagner", "Olivier Nduhungirehe"], WASH, "held", [DR],
     "\"Hours later the two ministers were received by President Donald Trump in the Oval Office\". Same day and city as the signing, different principal and venue."),
    ("drc-rwanda-declaration-of-principles", "agreement", "2025-04-25", None,
     ["Thérèse Kayikwamba Wagner", "Olivier Nduhungirehe"], WASH, "held", [DR, GL],
     "\"signed in Washington on 25 April\" (DR); GL: \"in April\"."),
    ("tshisekedi-kagame-white-house", "meeting", None, None,
     ["Donald Trump", "Félix Tshisekedi", "Paul Kagame"], WASH, "postponed", [DR, GL],
     "DR (27 Jun): expected \"in the coming weeks ... no date has been set\" (planned); GL (undated but written after July): \"first talked about for July, then for later in the summer, and has been put off more than once\" -> postponed, no date."),
    ("drc-m23-doha-talks", "talks", None, None,
     [], pl("Doha", "Qatar"), "held", [DR, GL],
     "Qatar-hosted Kinshasa-M23 talks, \"continuing in Doha\" (DR). An ongoing process without a date."),
    ("drc-m23-doha-declaration", "agreement", None, None,
     [], pl("Doha", "Qatar"), "held", [GL],
     "\"signed a declaration of principles in Doha on a Saturday in July\" in an undated article: no date (real: 19 Jul 2025)."),
    ("tshisekedi-kagame-doha", "meeting", None, None,
     ["Félix Tshisekedi", "Paul Kagame", "Tamim bin Hamad Al Thani"], pl("Doha", "Qatar"), "held", [GL],
     "\"a surprise meeting in Doha between Tshisekedi and Kagame in March\" in an undated article: no date (real: 18 Mar 2025)."),
    # --- Thailand-Cambodia, July-August 2025
    ("putrajaya-ceasefire-talks", "talks", "2025-07-28", None,
     ["Anwar Ibrahim", "Hun Manet", "Phumtham Wechayachai"], pl("Putrajaya", "Malaysia"), "held", [P, GBC],
     "At Seri Perdana \"on Monday\" (pub Mon 28 Jul +08:00); ceasefire agreed there (an agreement extraction on 28 Jul matches). GBC: \"The truce agreed in Putrajaya on 28 July\". US and Chinese ambassadors unnamed."),
    ("trump-hun-manet-call", "call", "2025-07-26", None,
     ["Donald Trump", "Hun Manet"], None, "held", [P],
     "\"spoke by phone on Saturday with both Hun Manet and Phumtham\": two calls."),
    ("trump-phumtham-call", "call", "2025-07-26", None,
     ["Donald Trump", "Phumtham Wechayachai"], None, "held", [P],
     "Second of the two Saturday calls."),
    ("thai-cambodian-commanders-meeting", "meeting", "2025-07-29", None,
     [], None, "held", [P, GBC],
     "\"military commanders ... were due to meet on Tuesday morning\" (P); GBC: \"Regional army commanders met the day after the Putrajaya talks\". Nobody named; participant condition vacuous."),
    ("gbc-kuala-lumpur", "talks", "2025-08-04", "2025-08-07",
     ["Nattaphon Narkphanit", "Tea Seiha"], pl("Kuala Lumpur", "Malaysia"), "held", [P, GBC],
     "Planned \"on 4 August in Cambodia\" (P); held in Kuala Lumpur Monday-Thursday, \"originally been planned for Cambodia; moved to Kuala Lumpur\" (GBC, `date`/`sitename`). One event: the place changed, not a second meeting."),
    ("gbc-joint-statement", "statement", "2025-08-07", None,
     ["Nattaphon Narkphanit", "Tea Seiha"], pl("Kuala Lumpur", "Malaysia"), "held", [GBC],
     "\"signed a 13-point joint statement on the last day\" (Thursday): the news itself, separate from the talks (eval/dev convention)."),
    # --- EU-Japan and EU-China, July 2025
    ("eu-japan-summit-tokyo", "summit", "2025-07-23", None,
     ["Ursula von der Leyen", "António Costa", "Shigeru Ishiba"], pl("Tokyo", "Japan"), "held", [E1, E2],
     "Planned \"In Tokyo on Wednesday\" (pub Mon 21 Jul); E2 (Thu 24 Jul): \"On Wednesday in Tokyo\"."),
    ("eu-china-summit-beijing", "summit", "2025-07-24", None,
     ["Ursula von der Leyen", "António Costa", "Xi Jinping", "Li Qiang"], pl("Beijing", "China"), "held", [E1, E2],
     "Planned \"on Thursday in Beijing\", shortened from two days to one (E1); held at the Great Hall of the People (E2; date only in the byline <time>, the related list holds other <time>s). The Xi meeting and the Li session are parts of one summit."),
    ("eu-china-climate-statement", "statement", "2025-07-24", None,
     ["Ursula von der Leyen", "António Costa", "Li Qiang"], pl("Beijing", "China"), "held", [E1, E2],
     "Expected (E1, no day); \"released after the talks\" (E2)."),
    ("wang-yi-kallas-brussels", "meeting", "2025-07", None,
     ["Wang Yi", "Kaja Kallas"], pl("Brussels", "Belgium"), "held", [E1],
     "\"told ... Kaja Kallas, in Brussels earlier this month\" (pub 21 Jul): month only."),
]

KEYS = ["id", "kind", "date", "end", "participants", "place", "status",
        "documents", "pinnable", "note"]


def main():
    out = pathlib.Path(__file__).resolve().parent / "gold.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for (i, kind, date, end, parts, place, status, docs, note) in EVENTS:
            ev = dict(zip(KEYS, [i, kind, date, end, parts, place, status, docs,
                                 date is not None and len(date) == 10, note]))
            f.write(json.dumps(ev, ensure_ascii=False) + "\n")
    print(f"wrote {len(EVENTS)} events to {out}")


if __name__ == "__main__":
    main()
