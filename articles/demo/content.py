"""Demo content for the DailyBeat news CMS.

Everything here is original, fictional sample copy written for demonstrations
and tests: sections, authors and thirty stories. People quoted by name are
invented; real officials appear only by title. Links point to example.org.
"""

SECTIONS = [
    {
        "name": "World",
        "slug": "world",
        "description": (
            "Diplomacy, conflict and the big stories shaping countries beyond India’s "
            "borders."
        ),
        "position": 1,
        "parent": None,
    },
    {
        "name": "India",
        "slug": "india",
        "description": (
            "News from the states, cities and villages, from weather and railways to "
            "courts and communities."
        ),
        "position": 2,
        "parent": None,
    },
    {
        "name": "Politics",
        "slug": "politics",
        "description": (
            "Parliament, parties, elections and the people who run the country’s "
            "governments."
        ),
        "position": 3,
        "parent": None,
    },
    {
        "name": "Business",
        "slug": "business",
        "description": (
            "The economy, companies, start-ups and the money decisions that affect "
            "households."
        ),
        "position": 4,
        "parent": None,
    },
    {
        "name": "Technology",
        "slug": "technology",
        "description": (
            "Artificial intelligence, digital payments, gadgets and the policy that "
            "governs them."
        ),
        "position": 5,
        "parent": None,
    },
    {
        "name": "Sports",
        "slug": "sports",
        "description": (
            "Results, previews and features from every field, court and arena Indians "
            "care about."
        ),
        "position": 6,
        "parent": None,
    },
    {
        "name": "Entertainment",
        "slug": "entertainment",
        "description": (
            "Films, streaming, music and the people behind India’s screens and stages."
        ),
        "position": 7,
        "parent": None,
    },
    {
        "name": "Opinion",
        "slug": "opinion",
        "description": (
            "Argument and analysis from our columnists and guest writers, clearly "
            "labelled as views."
        ),
        "position": 8,
        "parent": None,
    },
    {
        "name": "Cricket",
        "slug": "cricket",
        "description": (
            "Match reports, selection news and analysis from international and "
            "domestic cricket."
        ),
        "position": 1,
        "parent": "sports",
    },
    {
        "name": "Markets",
        "slug": "markets",
        "description": (
            "Daily moves in shares, bonds, commodities and the rupee, explained in "
            "plain language."
        ),
        "position": 1,
        "parent": "business",
    },
]

AUTHORS = [
    {
        "name": "Meera Raghavan",
        "slug": "meera-raghavan",
        "role": "Diplomatic Correspondent",
        "bio": (
            "Meera Raghavan covers India’s foreign policy, trade negotiations and "
            "multilateral summits from New Delhi. She has reported from more than "
            "thirty countries and previously worked on the newspaper’s South Asia desk."
        ),
        "x_handle": "meera_raghavan",
        "linkedin_url": "https://www.linkedin.com/in/meera-raghavan-dailybeat-example",
        "email": "meera.raghavan@dailybeat.example",
    },
    {
        "name": "Daniel Okafor",
        "slug": "daniel-okafor",
        "role": "West Asia Correspondent",
        "bio": (
            "Daniel Okafor reports on the Gulf, Iran and the wider West Asia region "
            "from a base in Dubai. Before joining DailyBeat he spent eight years "
            "covering energy markets and shipping."
        ),
        "x_handle": "dokafor_writes",
        "linkedin_url": "",
        "email": "daniel.okafor@dailybeat.example",
    },
    {
        "name": "Arjun Deshpande",
        "slug": "arjun-deshpande",
        "role": "Political Editor",
        "bio": (
            "Arjun Deshpande leads DailyBeat’s political coverage, from Parliament to "
            "state assemblies and municipal wards. He has followed six general "
            "election campaigns on the road."
        ),
        "x_handle": "arjun_deshpande",
        "linkedin_url": "https://www.linkedin.com/in/arjun-deshpande-example-newsroom",
        "email": "arjun.deshpande@dailybeat.example",
    },
    {
        "name": "Sneha Pillai",
        "slug": "sneha-pillai",
        "role": "National Affairs Correspondent",
        "bio": (
            "Sneha Pillai writes about cities, climate, public health and the "
            "railways, and travels widely across the states for ground reports. She "
            "grew up in Kochi and now lives in New Delhi."
        ),
        "x_handle": "snehapillai",
        "linkedin_url": "",
        "email": "sneha.pillai@dailybeat.example",
    },
    {
        "name": "Kavya Iyer",
        "slug": "kavya-iyer",
        "role": "Business Editor",
        "bio": (
            "Kavya Iyer edits DailyBeat’s business and markets pages from Mumbai. She "
            "writes on monetary policy, public finance and the start-up economy."
        ),
        "x_handle": "kavya_markets",
        "linkedin_url": "https://www.linkedin.com/in/kavya-iyer-dailybeat-example",
        "email": "kavya.iyer@dailybeat.example",
    },
    {
        "name": "Nikhil Varghese",
        "slug": "nikhil-varghese",
        "role": "Technology Correspondent",
        "bio": (
            "Nikhil Varghese covers artificial intelligence, digital payments and "
            "technology regulation from Bengaluru. He trained as a software engineer "
            "before moving into journalism."
        ),
        "x_handle": "nikhilv_tech",
        "linkedin_url": "https://www.linkedin.com/in/nikhil-varghese-example-tech",
        "email": "nikhil.varghese@dailybeat.example",
    },
    {
        "name": "Farhan Qureshi",
        "slug": "farhan-qureshi",
        "role": "Sports Writer",
        "bio": (
            "Farhan Qureshi writes about cricket, hockey and the business of sport. He "
            "has covered two Cricket World Cups and countless rain-delayed Ranji "
            "Trophy afternoons."
        ),
        "x_handle": "farhanq_sport",
        "linkedin_url": "",
        "email": "farhan.qureshi@dailybeat.example",
    },
    {
        "name": "Ananya Sen",
        "slug": "ananya-sen",
        "role": "Entertainment Editor",
        "bio": (
            "Ananya Sen covers cinema, streaming and music, with a particular fondness "
            "for small films and regional-language industries. She is based in Mumbai "
            "and reviews new releases every Friday."
        ),
        "x_handle": "",
        "linkedin_url": "",
        "email": "ananya.sen@dailybeat.example",
    },
]

STORIES = [
    {
        "headline": (
            "Iran Describes Muscat Talks With U.S. as a ‘Good Beginning’, Says "
            "Dialogue Will Continue After Consultations at Home"
        ),
        "slug": "iran-oman-talks-a-good-beginning",
        "section": "world",
        "authors": ["daniel-okafor", "meera-raghavan"],
        "credit_line": "",
        "dateline": "MUSCAT",
        "standfirst": (
            "Tehran says the first round of Omani-mediated contacts with Washington "
            "set a workable tone, though the two sides remain far apart on what any "
            "future agreement should cover."
        ),
        "body": (
            "<h2>A cautious opening in Muscat</h2><p>Iran on Sunday called its first "
            "round of indirect contacts with the United States in the Omani capital “a "
            "good beginning”, a rare note of optimism after months in which the two "
            "governments spoke to each other mainly through public warnings. The "
            "discussions ran for a little over four hours at a government guest house "
            "on the edge of Muscat and were the first structured exchange between the "
            "two sides in more than a year.</p><p>A foreign ministry spokesperson in "
            "Tehran told reporters that both delegations had “set out their positions "
            "plainly and without theatre”. The spokesperson said Iran’s negotiators "
            "would brief the leadership before deciding on a second meeting. Officials "
            "in Washington, speaking on condition of anonymity, described the session "
            "as “useful” but declined to say more.</p><h2>Notes carried from room to "
            "room</h2><p>The delegations never sat at the same table. Omani officials "
            "moved between two rooms, carrying written points and, on occasion, spoken "
            "clarifications from one side to the other. A regional diplomat briefed on "
            "the arrangement compared it to “a conversation held through a very "
            "patient interpreter”.</p><p>The sultanate has spent decades building a "
            "name as a discreet meeting ground for rivals who cannot be seen talking "
            "in public. Its foreign ministry issued a short statement thanking both "
            "sides for their “seriousness and restraint” and offering to host further "
            "sessions whenever they are ready.</p><blockquote><p>Tehran’s message from "
            "Muscat was simple: it will talk, but only about the nuclear file, and "
            "only if the pressure stops.</p></blockquote><h2>Enrichment at the heart "
            "of the agenda</h2><p>According to a person familiar with the discussions, "
            "Iranian negotiators indicated they were prepared to talk about ceilings "
            "on uranium enrichment and a return of international inspectors to some "
            "facilities. In return, Tehran wants a written, step-by-step timetable for "
            "lifting the sanctions that have cut into its oil revenue and weakened the "
            "rial.</p><h2>Where the two sides part ways</h2><p>The larger obstacle is "
            "scope. Washington has long argued that any durable arrangement must also "
            "deal with Iran’s missile programme and its backing for armed groups "
            "across the region. Tehran treats both as questions of national defence "
            "and says they are not up for negotiation. “Every attempt to settle "
            "everything at once has ended by settling nothing,” said Farzaneh Abedi, a "
            "researcher at a Tehran policy institute. “Both capitals know that. The "
            "question is whether their domestic politics will let them act on "
            "it.”</p><h2>Guarded welcome across the Gulf</h2><p>Neighbouring Gulf "
            "states greeted the meeting with carefully worded statements, and crude "
            "prices eased slightly in early Asian trade. In New Delhi, an official of "
            "the Ministry of External Affairs said India “supports every effort at "
            "dialogue and de-escalation” in a region that supplies much of its energy "
            "and is home to millions of Indian workers.</p><h2>No date yet for round "
            "two</h2><p>No date has been fixed for a second meeting. Diplomats expect "
            "technical teams to meet first, possibly within weeks, before senior "
            "negotiators return to Muscat. For now, both governments appear content to "
            "describe the outcome in modest terms, which analysts read as a sign that "
            "neither wants to raise hopes it may be unable to meet.</p><p>For "
            "background, read our <a "
            'href="https://example.org/explainers/iran-nuclear-talks-timeline">'
            "timeline of two decades of nuclear talks</a> and our <a "
            'href="https://example.org/explainers/muscat-negotiators">guide to who is '
            "who in the negotiating teams</a>.</p>"
        ),
        "tags": ["Iran", "Oman", "Diplomacy", "United States", "West Asia"],
        "hours_ago": 1,
        "hero": {
            "alt": (
                "Illustration: gentle waves on a calm sea under a deep blue evening sky"
            ),
            "caption": (
                "The waterfront in Muscat, where Omani officials hosted the indirect "
                "talks, shown in an illustration."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#1f4e79",
            "motif": "waves",
        },
        "updated_hours_after": 2,
    },
    {
        "headline": (
            "Monsoon Reaches Kerala Three Days Early; Weather Office Forecasts ‘Above "
            "Normal’ Rains"
        ),
        "slug": "monsoon-reaches-kerala-three-days-early",
        "section": "india",
        "authors": ["sneha-pillai"],
        "credit_line": "",
        "dateline": "THIRUVANANTHAPURAM",
        "standfirst": (
            "The south-west monsoon set in over Kerala ahead of schedule, and "
            "forecasters expect it to cover central India by the third week of June if "
            "current conditions hold."
        ),
        "body": (
            "<p>The south-west monsoon arrived over Kerala on Friday, three days ahead "
            "of its usual date, the weather office said, bringing heavy showers to "
            "coastal districts and an end to a sticky pre-monsoon spell across the "
            "state.</p><p>Forecasters said all the standard markers had been met: "
            "widespread rain at most reporting stations along the coast, a steady "
            "westerly wind and thick cloud cover over the south-east Arabian Sea. An "
            "orange alert has been issued for four districts for the next 48 "
            "hours.</p><h2>What the forecast says</h2><p>The weather office has "
            "retained its outlook of “above normal” rainfall for the season as a "
            "whole, at around 105 per cent of the long-period average. It expects the "
            "monsoon to move briskly up the west coast and reach Mumbai in the second "
            "week of June.</p><ul><li>Kerala and coastal Karnataka: heavy to very "
            "heavy rain likely over the weekend.</li><li>Tamil Nadu interior: "
            "thunderstorms in the afternoon, easing by evening.</li><li>North-west "
            "India: heatwave conditions to continue for another five to seven "
            "days.</li></ul><h2>Farmers prepare for sowing</h2><p>Early arrival is "
            "welcome news for farmers who rely on the rains to sow rice, pulses and "
            "oilseeds. Agriculture officials in several states said seed and "
            "fertiliser stocks had been positioned in advance, though they cautioned "
            "that the distribution of rain through July matters more than the date of "
            "onset.</p><h2>Cities on alert</h2><p>Municipal corporations in Kochi and "
            "Thiruvananthapuram said drain-clearing work was “largely complete”, a "
            "claim residents of low-lying neighbourhoods greeted with some scepticism. "
            'Our <a href="https://example.org/monsoon/tracker">live rainfall '
            "tracker</a> will be updated through the season.</p>"
        ),
        "tags": ["Monsoon", "Climate", "Agriculture", "Kerala", "Cities"],
        "hours_ago": 3,
        "hero": {
            "alt": (
                "Illustration: diagonal streaks of rain falling over a green landscape"
            ),
            "caption": (
                "Rain clouds sweep in over the Kerala coast as the monsoon arrives, in "
                "an illustration."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#2e6f8e",
            "motif": "stripes",
        },
        "updated_hours_after": 5,
    },
    {
        "headline": (
            "Election Commission Announces Bypolls in Seven Assembly Seats Across Five "
            "States"
        ),
        "slug": "election-commission-announces-bypolls-seven-seats",
        "section": "politics",
        "authors": ["arjun-deshpande"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "Voting will take place in a single phase next month, with counting three "
            "days later. The contests are being read as an early test of alliances "
            "ahead of next year’s state elections."
        ),
        "body": (
            "<p>The Election Commission on Tuesday announced by-elections to seven "
            "assembly constituencies in five states, with polling scheduled in a "
            "single phase on the second Saturday of next month and counting three days "
            "later.</p><p>The seats fell vacant after the deaths of two sitting "
            "legislators, the resignation of three others who moved to the Lok Sabha, "
            "and the disqualification of two members under the anti-defection "
            "law.</p><h2>A test for new alliances</h2><p>Although a handful of bypolls "
            "cannot change the arithmetic in any state assembly, party strategists say "
            "the results will be watched closely. Two of the contests pit partners in "
            "a recently formed opposition front against each other, after seat-sharing "
            "talks broke down last week.</p><p>“Bypolls are small, but they are "
            "honest,” said Radhika Menon, who teaches political science at a "
            "university in Pune. “Turnout and margins will tell us whether voters are "
            "paying any attention to the new coalitions.”</p><h2>Model code in "
            "force</h2><p>The model code of conduct came into effect in the districts "
            "concerned with immediate effect. The commission said it would deploy "
            "additional observers in two constituencies where complaints about the "
            "misuse of official vehicles were received during the last "
            "election.</p><p>The full schedule, including the last dates for "
            "nominations and withdrawals, has been published on the <a "
            'href="https://example.org/elections/bypoll-schedule">commission’s notice '
            "board</a>.</p>"
        ),
        "tags": ["Elections", "Election Commission", "Opposition"],
        "hours_ago": 5,
        "hero": {
            "alt": (
                "Illustration: vertical bars of varying height in saffron and maroon, "
                "like a results chart"
            ),
            "caption": (
                "An illustrated chart stands in for the seat-by-seat results due next "
                "month."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#7a1f2b",
            "motif": "bars",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Centre Unveils Draft ‘AI Assurance Framework’; Start-ups Seek Clarity on "
            "Compliance Costs"
        ),
        "slug": "centre-unveils-draft-ai-assurance-framework",
        "section": "technology",
        "authors": ["nikhil-varghese", "kavya-iyer", "arjun-deshpande"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "The proposed rules would sort AI systems into three risk tiers and "
            "require audits for those used in lending, hiring and healthcare. Public "
            "comments are open for sixty days."
        ),
        "body": (
            "<p>The Union government on Wednesday released a draft National AI "
            "Assurance Framework, its most detailed attempt yet to set rules for how "
            "artificial intelligence systems are built and deployed in "
            "India.</p><p>The 64-page document, published by the electronics and "
            "information technology ministry, proposes a three-tier classification "
            "based on risk and invites comments from companies, researchers and the "
            "public over the next sixty days.</p><h2>Three tiers of "
            "risk</h2><ol><li><strong>Minimal risk</strong>: chatbots for customer "
            "service, recommendation engines and similar tools, which would only need "
            "to disclose that users are dealing with a "
            "machine.</li><li><strong>Elevated risk</strong>: systems used in credit "
            "scoring, recruitment, insurance and education, which would require an "
            "annual third-party audit and a named grievance "
            "officer.</li><li><strong>Restricted use</strong>: real-time facial "
            "recognition in public spaces and AI-driven scoring of citizens, permitted "
            "only with specific legal authorisation.</li></ol><p>A senior ministry "
            "official said at a briefing that the framework was designed to be “light "
            "where it can be and firm where it must be”, and that most Indian "
            "developers would fall in the first tier.</p><h2>Industry asks who pays "
            "for audits</h2><p>Start-up founders welcomed the tiered approach but "
            "warned that audit costs could weigh heavily on smaller firms. “A large "
            "bank can absorb an audit bill. A twelve-person company building a lending "
            "tool for rural borrowers cannot,” said Tanmay Joshi, co-founder of a "
            "Hyderabad fintech firm. Industry bodies are expected to ask for a "
            "subsidised audit programme or a longer transition period for companies "
            "below a revenue threshold.</p><h2>Civil society wants stronger "
            "safeguards</h2><p>Digital rights organisations, meanwhile, argued that "
            "the restricted-use category was too loosely defined. They want the final "
            "rules to require independent oversight of any deployment of facial "
            "recognition by police forces.</p><p>The draft can be read in full on the "
            '<a href="https://example.org/policy/ai-assurance-draft">consultation '
            "portal</a>. The ministry said it hopes to notify final rules before the "
            "end of the financial year.</p>"
        ),
        "tags": ["AI", "Regulation", "Startups"],
        "hours_ago": 7,
        "hero": {
            "alt": (
                "Illustration: overlapping circles in violet and indigo suggesting a "
                "network"
            ),
            "caption": (
                "An abstract illustration of connected circles representing AI systems "
                "under review."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#3b2e83",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Sensex Climbs 640 Points as Banks Lead Rally; Rupee Firms to ₹83.18 a "
            "Dollar"
        ),
        "slug": "sensex-climbs-640-points-banks-lead-rally",
        "section": "markets",
        "authors": ["kavya-iyer"],
        "credit_line": "",
        "dateline": "MUMBAI",
        "standfirst": (
            "Strong quarterly numbers from lenders and steady foreign inflows lifted "
            "benchmark indices for a third straight session, adding nearly ₹3.1 lakh "
            "crore to investor wealth."
        ),
        "body": (
            "<p>Indian shares rose for a third straight session on Thursday, led by "
            "banking stocks after several large lenders reported better-than-expected "
            "quarterly earnings. The 30-share Sensex closed 640 points, or about 0.8 "
            "per cent, higher, while the broader Nifty gained 0.7 per cent.</p><p>The "
            "rally added roughly <strong>₹3.1 lakh crore</strong> to the combined "
            "market value of companies listed on the Bombay Stock Exchange, according "
            "to exchange data.</p><h2>Banks do the heavy lifting</h2><p>The bank index "
            "gained 1.6 per cent. One private lender rose 4 per cent after posting a "
            "22 per cent rise in net profit to ₹4,860 crore and a fall in bad loans. A "
            "large state-owned bank added 2.8 per cent after its board approved "
            "raising up to ₹10,000 crore through bonds.</p><p>“The earnings season has "
            "so far been kinder to banks than the market feared,” said Prakash Nair, "
            "head of research at a Mumbai brokerage. “Credit growth is holding up, and "
            "asset quality has not deteriorated the way some had "
            "predicted.”</p><h2>Rupee and foreign flows</h2><p>The rupee strengthened "
            "by 14 paise to close at ₹83.18 against the US dollar, helped by dollar "
            "inflows into Indian equities and softer crude prices. Provisional figures "
            "showed foreign portfolio investors bought shares worth ₹2,340 crore on "
            "Wednesday, while domestic institutions were net sellers of ₹610 "
            "crore.</p><h2>What to watch</h2><p>Traders will track inflation data due "
            "next week and any comments from the central bank on the interest rate "
            'outlook. Our <a href="https://example.org/markets/dashboard">daily market '
            "dashboard</a> has closing prices for all index constituents.</p>"
        ),
        "tags": ["Markets", "Sensex", "Rupee", "Banking"],
        "hours_ago": 9,
        "hero": {
            "alt": (
                "Illustration: rising green bars on a dark background like a stock "
                "chart"
            ),
            "caption": (
                "Illustration of a rising share price chart after a strong day for "
                "bank stocks."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#0f5132",
            "motif": "bars",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Vidarbha Win Ranji Trophy Thriller by Two Wickets as Tail-Ender Hits "
            "Winning Boundary"
        ),
        "slug": "vidarbha-win-ranji-trophy-final-by-two-wickets",
        "section": "cricket",
        "authors": ["farhan-qureshi"],
        "credit_line": "",
        "dateline": "NAGPUR",
        "standfirst": (
            "Chasing 231 on a wearing fifth-day pitch, Vidarbha slipped to 188 for "
            "eight before an unbeaten stand of 43 sealed the title in front of a "
            "packed home crowd."
        ),
        "body": (
            "<p>Vidarbha won the Ranji Trophy final by two wickets on Sunday, with No. "
            "10 batter Omkar Thakre driving a full delivery through extra cover for "
            "four to complete a chase of 231 on a fifth-day pitch that had offered "
            "sharp turn all morning.</p><p>The winning hit came half an hour after "
            "lunch, with the home side having slipped from 142 for three to 188 for "
            "eight in a collapse that silenced the stadium.</p><h2>The stand that "
            "changed the match</h2><p>Thakre and wicketkeeper Yash Bhandarkar, who "
            "finished unbeaten on 61, added 43 for the ninth wicket. Bhandarkar took "
            "few risks against the spinners, while Thakre, who came into the match "
            "with a first-class batting average of 11, swept the left-arm spinner "
            "twice for boundaries to ease the pressure.</p><p>“I told him to watch the "
            "ball and forget the scoreboard,” Bhandarkar said after the match. “He did "
            "the first part. I am not sure he managed the second.”</p><h2>Spin decides "
            "the contest</h2><p>The visitors’ off-spinner Harshal Dave took six for 74 "
            "to give his side a chance, finishing the match with eleven wickets. His "
            "captain said the team had “no regrets” about the decision to bat first on "
            "a dry surface.</p><h2>Rewards for the champions</h2><p>The state "
            "association announced a cash award for the squad and support staff. "
            "Several of the winning side’s players are expected to be in contention "
            "for the India A tour later this year. Read the <a "
            'href="https://example.org/cricket/ranji-final-scorecard">full '
            "scorecard</a>.</p>"
        ),
        "tags": ["Cricket", "Ranji Trophy"],
        "hours_ago": 12,
        "hero": {
            "alt": (
                "Illustration: parallel green stripes like the mown lines of a cricket "
                "outfield"
            ),
            "caption": (
                "The outfield at the Nagpur stadium, shown in an illustration, where "
                "Vidarbha sealed the title."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#2f6b2f",
            "motif": "stripes",
        },
        "updated_hours_after": 1,
    },
    {
        "headline": (
            "‘Chandni Café’ Takes Audience Award at Mumbai Festival; Director Calls It "
            "“a Win for Small Films”"
        ),
        "slug": "chandni-cafe-takes-audience-award-mumbai-festival",
        "section": "entertainment",
        "authors": ["ananya-sen"],
        "credit_line": "",
        "dateline": "MUMBAI",
        "standfirst": (
            "Made on a budget of under ₹2 crore with a largely non-professional cast, "
            "the Hindi-Marathi drama beat several star-led films in the festival’s "
            "public vote."
        ),
        "body": (
            "<p><em>Chandni Café</em>, a low-budget drama set in an all-night tea "
            "stall near a Mumbai bus depot, won the audience award at the city’s film "
            "festival on Saturday, beating several star-led productions in the public "
            "vote.</p><p>The film follows a widowed stall owner, her teenage son and "
            "the night-shift drivers, nurses and security guards who pass through over "
            "a single monsoon week. It is the first feature by director Rukmini Pawar, "
            "who previously made documentaries for a public broadcaster.</p><h2>“Made "
            "with what we had”</h2><p>Speaking after the ceremony, Pawar said the "
            "award was “a win for small films that are told they have no audience”. "
            "The production was shot over 23 nights with a crew of fourteen, and most "
            "of the cast had never acted before. “We made it with what we had, which "
            "was mostly people and rain,” she said.</p><p>The lead role is played by "
            "Sunanda Kale, a theatre actor from Nashik, whose performance drew a "
            "standing ovation at the film’s first screening.</p><h2>Distribution "
            "hopes</h2><p>The film does not yet have a theatrical distributor. "
            "Festival organisers said several streaming platforms had requested "
            "screeners, and Pawar said she hoped for at least a limited release in "
            "cinemas “so that people can watch it the way it was meant to be seen, in "
            "the dark, with strangers”.</p><p>Other winners included <em>Salt "
            "Road</em> for best debut and a jury prize for the Assamese documentary "
            "<em>River Almanac</em>. See the <a "
            'href="https://example.org/entertainment/festival-winners">full list of '
            "winners</a>.</p>"
        ),
        "tags": ["Bollywood", "Film Festivals", "Streaming"],
        "hours_ago": 15,
        "hero": {
            "alt": (
                "Illustration: warm pink and amber circles like the glow of lamps at "
                "night"
            ),
            "caption": (
                "An illustration evoking the lamp-lit tea stall at the centre of the "
                "film."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#8e3b62",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Budget 2026: Finance Ministry Signals Higher Capital Spending & Relief "
            "for Salaried Taxpayers"
        ),
        "slug": "budget-2026-higher-capital-spending-relief-salaried",
        "section": "business",
        "authors": ["kavya-iyer", "arjun-deshpande"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "Officials say public investment in roads, railways and power will remain "
            "the centrepiece, while a revision of income-tax slabs is under "
            "consideration to support household consumption."
        ),
        "body": (
            "<p>The finance ministry has begun consultations for Budget 2026 with a "
            "clear signal: capital spending on infrastructure will rise again, and "
            "salaried taxpayers can expect some relief, according to officials "
            "familiar with the preparations.</p><p>Pre-budget meetings with industry "
            "chambers, economists and farmer organisations will run through the coming "
            "weeks. Officials said the ministry is working within a fiscal deficit "
            "target that leaves limited room for large new "
            "schemes.</p><h2>Infrastructure stays at the centre</h2><p>Public "
            "investment in roads, railways, urban transport and power transmission has "
            "been the backbone of recent budgets, and officials indicated that the "
            "approach would continue. “Private investment is picking up, but it is not "
            "yet strong enough for the government to step back,” one official "
            "said.</p><h2>A tax cut for the middle class?</h2><p>A revision of "
            "income-tax slabs under the new tax regime is among the options being "
            "studied, alongside an increase in the standard deduction. Economists say "
            "such a move would support household consumption, which has been uneven, "
            "but would cost the exchequer several thousand crore rupees.</p><p>“The "
            "question is not whether to give relief but how much the government can "
            "afford while keeping its deficit promise,” said Shalini Rao, chief "
            "economist at a Mumbai-based bank.</p><h2>What industry "
            "wants</h2><ul><li>Faster refunds under the goods and services tax for "
            "exporters.</li><li>A simpler regime for taxing capital "
            "gains.</li><li>Incentives for research spending by manufacturing "
            "firms.</li></ul><p>Follow our <a "
            'href="https://example.org/budget-2026">Budget 2026 coverage</a> for '
            "updates through the consultation period.</p>"
        ),
        "tags": ["Budget 2026", "Economy", "Taxation", "Infrastructure"],
        "hours_ago": 20,
        "hero": {
            "alt": "Illustration: stacked golden-brown bars of different heights",
            "caption": (
                "An illustrated bar chart representing the government’s spending plans."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#5a4a1f",
            "motif": "bars",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Island States Press for Loss & Damage Fund Top-Up as Climate Talks Open "
            "in Geneva"
        ),
        "slug": "island-states-loss-and-damage-fund-geneva-talks",
        "section": "world",
        "authors": [],
        "credit_line": "With inputs from agencies",
        "dateline": "GENEVA",
        "standfirst": (
            "Small island nations say pledges to the fund cover only a fraction of the "
            "damage they already face from rising seas and stronger storms."
        ),
        "body": (
            "<p>A group of small island states on Monday called for rich countries to "
            "at least triple their pledges to the international loss and damage fund, "
            "as a week of technical climate negotiations opened in "
            "Geneva.</p><p>Speaking on behalf of the group, the environment minister "
            "of a Pacific island nation said pledges so far amounted to “a rounding "
            "error” compared with the cost of storms, coastal erosion and saltwater "
            "intrusion that member states were already absorbing.</p><h2>Where the "
            "money stands</h2><p>The fund, set up to help vulnerable countries cope "
            "with climate impacts they cannot adapt to, has received pledges from more "
            "than twenty governments. Negotiators say the sums are far below what was "
            "discussed when the fund was first agreed.</p><h2>India’s "
            "position</h2><p>India’s delegation backed the call for more money but "
            "said contributions must come primarily from developed countries, in line "
            "with their historical emissions. An official said India would also push "
            "for simpler procedures so that funds reach affected communities "
            "quickly.</p><h2>Little expected this week</h2><p>The Geneva session is "
            "technical and is not expected to produce new pledges. But campaigners "
            "hope it will shape the agenda for the annual climate summit later this "
            "year. Read our <a "
            'href="https://example.org/explainers/loss-and-damage-fund">explainer on '
            "how the loss and damage fund works</a>.</p>"
        ),
        "tags": ["Climate", "Diplomacy", "United Nations"],
        "hours_ago": 26,
        "hero": {
            "alt": "Illustration: rolling teal waves rising towards a low horizon",
            "caption": (
                "An illustration of rising seas, the central concern of island nations "
                "at the Geneva talks."
            ),
            "credit": "Agency illustration",
            "colour": "#0d6e6e",
            "motif": "waves",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Our Cities Flood Every Monsoon. I Have Stopped Calling It Bad Luck"
        ),
        "slug": "our-cities-flood-every-monsoon-not-bad-luck",
        "section": "opinion",
        "authors": ["sneha-pillai"],
        "credit_line": "",
        "dateline": "",
        "standfirst": (
            "Every June I report on waterlogged streets, and every June officials "
            "blame ‘unprecedented’ rain. After a decade of this, I think the word has "
            "lost its meaning."
        ),
        "body": (
            "<p>The first flood story I ever filed was about a street in Kochi where "
            "the water reached the seats of parked scooters. I was twenty-three, and I "
            "quoted a municipal engineer who called the rain “unprecedented”. I have "
            "heard that word every monsoon since, in almost every city I have reported "
            "from.</p><p>I no longer believe it. Not because the rain is not heavy, "
            "since it often is, but because the damage is so predictable that I could "
            "write next year’s story today. The same underpasses fill. The same "
            "colonies are cut off. The same drains, choked with the same plastic, "
            "overflow at the same corners.</p><h2>Drains are not glamorous</h2><p>The "
            "uncomfortable truth is that flood prevention is boring. It is desilting "
            "done in March rather than in the last week of May. It is keeping lakes "
            "and wetlands from being filled in for housing. It is a maintenance budget "
            "that nobody cuts a ribbon for. None of this wins elections, and so none "
            "of it gets done on time.</p><p>I have stood in ankle-deep water with "
            "residents who have paid property tax for thirty years and still mop out "
            "their ground floors every July. They do not want sympathy. They want "
            "someone to take responsibility.</p><h2>What I would ask for</h2><p>If I "
            "could ask one thing of every city corporation, it would be this: publish, "
            "before the monsoon, a ward-by-ward list of what drain work was done and "
            "what was not. Let residents check it. Let reporters like me check it. "
            "Accountability begins with a list.</p><p>Until then, I will keep filing "
            "the story. But I am done calling it bad luck.</p>"
        ),
        "tags": ["Monsoon", "Climate", "Cities"],
        "hours_ago": 30,
        "hero": None,
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Railways to Run 120 Summer Special Trains; Waitlisted Passengers to Be "
            "Moved to Extra Coaches Automatically"
        ),
        "slug": "railways-120-summer-special-trains-waitlist",
        "section": "india",
        "authors": ["sneha-pillai"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "The extra services will run on busy routes from Delhi, Mumbai, Kolkata "
            "and Bengaluru until the end of June, and a new system will shift "
            "waitlisted passengers to additional coaches without fresh bookings."
        ),
        "body": (
            "<p>Indian Railways will run 120 summer special trains and add coaches to "
            "more than 300 regular services to cope with holiday demand, the railway "
            "ministry said on Monday.</p><p>The specials will operate on the busiest "
            "routes out of Delhi, Mumbai, Kolkata and Bengaluru, including "
            "long-distance services to Bihar, Uttar Pradesh, Odisha and the "
            "North-East, until the last week of June.</p><h2>Waitlist "
            "changes</h2><p>For the first time, passengers on the waiting list of a "
            "regular train will be moved automatically to an extra coach or a parallel "
            "special on the same day, if seats are available, without having to cancel "
            "and rebook. A railway board official said the change was expected to help "
            "around 1.5 lakh passengers over the season.</p><h2>Crowd control at "
            "stations</h2><p>Major terminals will set up holding areas with drinking "
            "water and fans, and platform tickets will be restricted at some stations "
            "on peak days. Additional railway protection force personnel will be "
            "deployed to manage queues.</p><p>Passengers can check the list of "
            "specials and their timings on the <a "
            'href="https://example.org/railways/summer-specials">railways’ information '
            "page</a>.</p>"
        ),
        "tags": ["Railways", "Travel", "Infrastructure"],
        "hours_ago": 34,
        "hero": {
            "alt": (
                "Illustration: long horizontal rust-red stripes like railway tracks "
                "stretching into the distance"
            ),
            "caption": (
                "Railway lines, shown in an illustration, as extra summer trains are "
                "added."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#8b3a1a",
            "motif": "stripes",
        },
        "updated_hours_after": None,
    },
    {
        "headline": "Women’s Hockey Team Books Semi-Final Spot With 3–1 Win Over Spain",
        "slug": "womens-hockey-team-semi-final-win-over-spain",
        "section": "sports",
        "authors": ["farhan-qureshi"],
        "credit_line": "",
        "dateline": "BHUBANESWAR",
        "standfirst": (
            "Two goals in four minutes in the third quarter turned the match, and "
            "India will now play the winner of the Australia–Germany quarter-final on "
            "Friday."
        ),
        "body": (
            "<p>India’s women’s hockey team reached the semi-finals of the "
            "international series in Bhubaneswar on Wednesday with a 3–1 win over "
            "Spain, recovering from a goal down at half-time.</p><p>Spain took the "
            "lead in the 19th minute through a penalty corner, and India struggled to "
            "break down a compact defence for much of the first half.</p><h2>Four "
            "minutes that changed the game</h2><p>The match turned early in the third "
            "quarter. Forward Lalrinpuii Ralte, 21, equalised with a deflection in the "
            "34th minute, and midfielder Priya Ekka put India ahead from a penalty "
            "corner rebound four minutes later. Drag-flicker Jyoti Rana added a third "
            "late in the game.</p><p>“At half-time we told each other to stop "
            "hurrying,” Ekka said. “Spain wanted us to play fast and lose the ball. In "
            "the second half we were patient.”</p><h2>Next up</h2><p>India will face "
            "the winner of the Australia–Germany quarter-final on Friday. The head "
            "coach said the squad had no fresh injury concerns. Read our <a "
            'href="https://example.org/sports/hockey-india-spain-ratings">match '
            "ratings</a>.</p>"
        ),
        "tags": ["Hockey", "Women in Sport"],
        "hours_ago": 40,
        "hero": {
            "alt": (
                "Illustration: bold green circles like hockey balls scattered across a "
                "turf-coloured field"
            ),
            "caption": (
                "An illustration in the colours of a hockey pitch after India’s "
                "quarter-final win."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#1d5c2e",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Bengaluru Start-up’s Kannada Voice Assistant Crosses One Million Users in "
            "Six Months"
        ),
        "slug": "bengaluru-startup-kannada-voice-assistant-one-million-users",
        "section": "technology",
        "authors": ["nikhil-varghese"],
        "credit_line": "",
        "dateline": "BENGALURU",
        "standfirst": (
            "The app, built for farmers and small traders who prefer speaking to "
            "typing, says most of its users are in districts outside the state capital."
        ),
        "body": (
            "<p>A voice assistant that works entirely in Kannada has crossed one "
            "million users six months after its launch, its Bengaluru-based developer "
            "said on Tuesday.</p><p>The app, called Maathu, lets users check crop "
            "prices, pay electricity bills and ask questions about government schemes "
            "by speaking in their own dialect. The company says more than 70 per cent "
            "of its users live outside Bengaluru, many in northern "
            "Karnataka.</p><h2>Built for how people speak</h2><p>Co-founder Deepa "
            "Hegde said the team spent its first year recording more than 8,000 hours "
            "of speech from volunteers in 24 districts. “Most voice tools are trained "
            "on the Kannada you hear on the news,” she said. “Our users speak the "
            "Kannada of Kalaburagi and Mangaluru, and they switch between languages in "
            "a single sentence.”</p><h2>Questions about data</h2><p>The company says "
            "voice recordings are deleted after 30 days unless users opt in to help "
            "improve the model. Privacy researchers said that was a reasonable start "
            "but asked for an independent audit, particularly since the app handles "
            "payment instructions.</p><h2>Next languages</h2><p>The firm plans to add "
            "Tulu and Konkani next year, and is in talks with a state government "
            "department to handle enquiries about crop insurance. Read our <a "
            'href="https://example.org/technology/maathu-review">review of the '
            "app</a>.</p>"
        ),
        "tags": ["AI", "Startups", "Indian Languages"],
        "hours_ago": 46,
        "hero": {
            "alt": "Illustration: layered blue-grey waves resembling a sound wave",
            "caption": (
                "An illustration of a voice waveform, representing the Kannada "
                "assistant."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#264653",
            "motif": "waves",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Monsoon Session: Opposition Seeks Two-Day Debate on Price Rise & Jobs as "
            "Government Lists 21 Bills"
        ),
        "slug": "monsoon-session-opposition-debate-price-rise-jobs",
        "section": "politics",
        "authors": ["arjun-deshpande"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "The all-party meeting ahead of the session ended without agreement on the "
            "agenda, setting the stage for a stormy first week in Parliament."
        ),
        "body": (
            "<p>Opposition parties on Sunday demanded a two-day discussion on rising "
            "prices and unemployment in the first week of Parliament’s monsoon "
            "session, as the government listed 21 bills it hopes to pass over the next "
            "four weeks.</p><p>The demand was raised at the customary all-party "
            "meeting on the eve of the session. The parliamentary affairs minister "
            "said the government was “ready to discuss any issue under the rules”, but "
            "did not commit to a date.</p><h2>The government’s list</h2><p>Among the "
            "bills listed for consideration are amendments to the laws governing "
            "cooperative banks, a new framework for coastal shipping and a bill to set "
            "up a national sports tribunal. Three of the bills were referred to "
            "parliamentary committees last session, and their reports are "
            "due.</p><h2>Opposition’s strategy</h2><p>Leaders of several opposition "
            "parties said they would coordinate their floor strategy in both Houses. A "
            "senior opposition MP said the parties would “not allow the session to "
            "become a bill-passing machine without a discussion on kitchen "
            "costs”.</p><h2>Long sittings likely</h2><p>Presiding officers have "
            "indicated that the Houses may sit late on several days to make up for "
            "time lost to adjournments. Track every bill with our <a "
            'href="https://example.org/politics/parliament-tracker">Parliament '
            "tracker</a>.</p>"
        ),
        "tags": ["Parliament", "Economy", "Opposition", "Jobs"],
        "hours_ago": 52,
        "hero": {
            "alt": (
                "Illustration: a maroon skyline of domes and columns against a pale sky"
            ),
            "caption": (
                "An illustrated skyline suggesting the Parliament complex in New Delhi."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#6b2d2d",
            "motif": "skyline",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "IPL Franchises Back Review of ‘Impact Player’ Rule After a Season of "
            "Record Totals"
        ),
        "slug": "ipl-franchises-back-impact-player-rule-review",
        "section": "cricket",
        "authors": ["farhan-qureshi"],
        "credit_line": "",
        "dateline": "MUMBAI",
        "standfirst": (
            "Several team owners want the substitute rule kept but tweaked, arguing it "
            "has tilted the balance too far towards batters and reduced the role of "
            "all-rounders."
        ),
        "body": (
            "<p>A majority of IPL franchises have told the league’s governing council "
            "that they want the “Impact Player” substitute rule reviewed before the "
            "next season, after a year in which scores above 220 became "
            "routine.</p><p>The rule, which allows each side to bring in a substitute "
            "during a match, was introduced to add tactical interest. Critics say it "
            "has instead encouraged teams to pick an extra specialist batter and "
            "reduced the value of genuine all-rounders.</p><h2>Bowlers feel the "
            "squeeze</h2><p>“A bowler now has almost no margin for error,” said a head "
            "coach of one franchise, speaking on condition of anonymity as the "
            "discussions are confidential. “Every team bats down to number nine. A bad "
            "over costs you the match.”</p><h2>Options on the "
            "table</h2><ul><li>Allowing the substitute only before the 10th over of "
            "the first innings.</li><li>Restricting the substitute to a bowler or an "
            "all-rounder.</li><li>Scrapping the rule for one season as a "
            "trial.</li></ul><h2>The case for keeping it</h2><p>Not everyone wants "
            "change. Broadcasters point to higher viewing figures during high-scoring "
            "matches, and some younger players say the rule has given them more "
            "chances to play. The governing council is expected to decide before the "
            "player auction. See our <a "
            'href="https://example.org/cricket/ipl-season-in-numbers">season in '
            "numbers</a>.</p>"
        ),
        "tags": ["IPL", "Cricket"],
        "hours_ago": 60,
        "hero": {
            "alt": "Illustration: deep blue and gold circles like stadium floodlights",
            "caption": "An illustration evoking floodlights over an IPL night match.",
            "credit": "DailyBeat illustration",
            "colour": "#1e3a8a",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "India and Sri Lanka Sign Pact to Expand Ferry Services and Upgrade Two "
            "Ports"
        ),
        "slug": "india-sri-lanka-ferry-services-port-upgrade-pact",
        "section": "world",
        "authors": ["meera-raghavan"],
        "credit_line": "",
        "dateline": "COLOMBO",
        "standfirst": (
            "The agreement aims to revive passenger links across the Palk Strait and "
            "cut freight costs for small exporters on both sides."
        ),
        "body": (
            "<p>India and Sri Lanka on Thursday signed an agreement to expand "
            "passenger ferry services across the Palk Strait and to jointly fund "
            "upgrades at two smaller ports, officials from both countries "
            "said.</p><p>The pact was signed in Colombo by senior shipping officials "
            "in the presence of the two countries’ foreign secretaries, who were "
            "holding their annual consultations.</p><h2>Ferries for pilgrims and "
            "traders</h2><p>Under the agreement, a ferry service between Nagapattinam "
            "in Tamil Nadu and Kankesanthurai in northern Sri Lanka will run daily "
            "instead of thrice a week, and a second route from Rameswaram is to be "
            "studied. Officials said pilgrims, students and small traders would be the "
            "main beneficiaries.</p><p>“For families on both sides, the sea was once a "
            "road,” said a Sri Lankan foreign ministry spokesperson. “We want it to be "
            "a road again.”</p><h2>Port upgrades</h2><p>India will provide a line of "
            "credit for dredging and new berths at Kankesanthurai, while Sri Lanka "
            "will fund customs and immigration facilities. Work is expected to begin "
            "within six months.</p><h2>Broader ties</h2><p>The foreign secretaries "
            "also discussed energy links, fishing disputes and tourism. A joint "
            "statement said both sides would work towards “early conclusion” of talks "
            "on a wider economic and technology agreement. Read our <a "
            'href="https://example.org/world/neighbourhood-policy-analysis">analysis '
            "of India’s neighbourhood policy</a>.</p>"
        ),
        "tags": ["Diplomacy", "Sri Lanka", "Shipping", "Infrastructure"],
        "hours_ago": 70,
        "hero": {
            "alt": (
                "Illustration: bright blue waves with a ferry-like shape on the horizon"
            ),
            "caption": (
                "An illustration of the Palk Strait, where ferry services are set to "
                "expand."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#2a6f97",
            "motif": "waves",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Hospital Drama ‘Night Shift at Ward 9’ Renewed for Second Season After "
            "Surprise Streaming Success"
        ),
        "slug": "night-shift-at-ward-9-renewed-second-season",
        "section": "entertainment",
        "authors": ["ananya-sen"],
        "credit_line": "",
        "dateline": "MUMBAI",
        "standfirst": (
            "The eight-episode series, set in a government hospital in Pune, became "
            "the platform’s most-watched Indian original in its first month despite "
            "having no marquee names."
        ),
        "body": (
            "<p><em>Night Shift at Ward 9</em>, a hospital drama about junior doctors "
            "in a crowded government hospital, has been renewed for a second season, "
            "its streaming platform announced on Friday.</p><p>The series, written by "
            "a former resident doctor, was released without much marketing but climbed "
            "steadily through word of mouth. The platform said it was its most-watched "
            "Indian original in the first month of release.</p><h2>Why it "
            "worked</h2><p>Viewers and critics praised the show’s unglamorous detail, "
            "from power cuts in the operating theatre to patients’ relatives sleeping "
            "in corridors. “People recognised their own hospital visits in it,” said "
            "the show’s creator, Dr Aditya Kamble. “That was the point.”</p><h2>What’s "
            "next</h2><p>The second season will follow the same batch of doctors into "
            "their final year of residency. Filming begins in Pune in the winter, and "
            "most of the original cast is expected to return. Read our <a "
            'href="https://example.org/entertainment/ward-9-review">original '
            "review</a>.</p>"
        ),
        "tags": ["Streaming", "Television", "Bollywood"],
        "hours_ago": 80,
        "hero": None,
        "updated_hours_after": None,
    },
    {
        "headline": (
            "In Koraput, Tribal Weavers Find New Buyers as GI-Tagged Saris Go Online"
        ),
        "slug": "koraput-tribal-weavers-gi-tagged-saris-online",
        "section": "india",
        "authors": [],
        "credit_line": (
            "Reported by Sasmita Behera in Koraput; translated from Odia by Ritwik Das"
        ),
        "dateline": "KORAPUT",
        "standfirst": (
            "A weavers’ cooperative in southern Odisha has tripled its sales in a year "
            "after listing its handwoven saris on a government-backed online "
            "marketplace."
        ),
        "body": (
            "<p>In a village in Koraput district, the rhythmic clack of handlooms "
            "starts before sunrise. For decades, the cotton saris woven here with "
            "their distinctive temple borders were sold mainly at weekly markets. Now "
            "many of them are packed into parcels bound for Bengaluru, Pune and "
            "Delhi.</p><p>A cooperative of 180 weavers, most of them women, has "
            "tripled its annual sales since it began listing its products on a "
            "government-backed online marketplace last year. The saris carry a "
            "geographical indication tag, which certifies that they are made in the "
            "region using traditional techniques.</p><h2>Learning to sell "
            "online</h2><p>Cooperative secretary Jayanti Majhi said the hardest part "
            "was not weaving but photography. “We did not know how to show the colours "
            "properly. Our first photos made the red look brown,” she said. A training "
            "programme by the district administration taught members to photograph "
            "products, answer customer queries and pack parcels.</p><h2>Incomes rise, "
            "but slowly</h2><p>Weavers say their monthly earnings have risen from "
            "around ₹4,000 to between ₹7,000 and ₹9,000. The cooperative now wants "
            "help buying yarn in bulk, since the price of cotton yarn has risen "
            "sharply over the past two years.</p><h2>A younger generation "
            "returns</h2><p>Some young people who had left for factory jobs in other "
            "states have come back to learn weaving. “My mother wove, my grandmother "
            "wove, and I thought it was finished with them,” said 24-year-old Sunita "
            "Gadaba, who returned from Tiruppur last year. “Now I think maybe it is "
            "not.”</p>"
        ),
        "tags": ["Handloom", "Odisha", "Rural Economy"],
        "hours_ago": 90,
        "hero": {
            "alt": (
                "Illustration: vertical stripes in red, ochre and cream like the "
                "border of a handwoven sari"
            ),
            "caption": (
                "An illustration inspired by the temple borders of Koraput saris."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#9c4a1a",
            "motif": "stripes",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Pune EV Maker Voltrika Raises ₹1,150 Crore to Double Battery Plant "
            "Capacity"
        ),
        "slug": "pune-ev-maker-voltrika-raises-1150-crore",
        "section": "business",
        "authors": ["kavya-iyer", "nikhil-varghese"],
        "credit_line": "",
        "dateline": "PUNE",
        "standfirst": (
            "The electric two-wheeler company says the funding will take its annual "
            "battery pack output to two gigawatt-hours and cut its dependence on "
            "imported cells."
        ),
        "body": (
            "<p>Voltrika, a Pune-based maker of electric scooters, said on Tuesday it "
            "had raised ₹1,150 crore in a funding round led by a Singapore-based "
            "investment fund, with participation from two existing Indian "
            "investors.</p><p>The company, founded in 2019, plans to use most of the "
            "money to double the capacity of its battery pack plant at Chakan, on the "
            "outskirts of Pune, and to set up a cell-testing "
            "laboratory.</p><h2>Betting on batteries</h2><p>“Whoever controls the "
            "battery controls the cost of the scooter,” said chief executive Rahul "
            "Sathe. He said local assembly of battery packs had already cut Voltrika’s "
            "costs by about 12 per cent and that the company hoped to begin making "
            "some cells in India within three years.</p><h2>A crowded "
            "market</h2><p>Electric two-wheeler sales have grown steadily but remain a "
            "small share of the overall scooter and motorcycle market. Analysts say "
            "price cuts by larger rivals and changes to government subsidies have "
            "squeezed margins for younger companies.</p><p>“The funding gives Voltrika "
            "time, which is the scarcest resource for an EV start-up,” said Meghna "
            "Kulkarni, an automotive analyst at a Mumbai research firm.</p><h2>Listing "
            "plans</h2><p>The company said it had no immediate plans for a stock "
            "market listing but would consider one “in two or three years”. Read our "
            '<a href="https://example.org/business/ev-sales-tracker">EV sales '
            "tracker</a>.</p>"
        ),
        "tags": ["Startups", "Electric Vehicles", "Funding"],
        "hours_ago": 100,
        "hero": {
            "alt": "Illustration: green bars rising like battery charge levels",
            "caption": (
                "An illustration of battery charge indicators, representing Voltrika’s "
                "expansion plans."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#14532d",
            "motif": "bars",
        },
        "updated_hours_after": None,
    },
    {
        "headline": "Budget 2026 Must Choose Between Headline Numbers and Real Jobs",
        "slug": "budget-2026-headline-numbers-or-real-jobs",
        "section": "opinion",
        "authors": ["kavya-iyer"],
        "credit_line": "",
        "dateline": "",
        "standfirst": (
            "Capital spending has propped up growth for years. The next budget should "
            "ask a harder question: how many people does each rupee actually employ?"
        ),
        "body": (
            "<p>Every budget speech has its favourite number. For several years now it "
            "has been the capital expenditure figure, announced with a flourish and "
            "greeted with applause from the treasury benches. Roads, railways and "
            "power lines are real and necessary. But the number has started to do too "
            "much work.</p><h2>Growth without enough jobs</h2><p>India’s economy has "
            "grown at a healthy pace, yet surveys continue to show young graduates "
            "struggling to find work that matches their education, and a large share "
            "of the workforce still in farming. Infrastructure builds assets; it does "
            "not, on its own, build careers.</p><h2>Labour-intensive sectors need "
            "attention</h2><p>Textiles, leather, food processing, tourism and "
            "construction employ far more people per rupee of investment than most "
            "capital-heavy industries. A budget serious about jobs would look at their "
            "specific problems: costly credit for small units, slow tax refunds, and "
            "training schemes that do not match what employers need.</p><h2>Measure "
            "what matters</h2><p>The government could begin by publishing an estimate "
            "of the employment generated by major budget schemes, not just their "
            "outlay. Such numbers will be imperfect. But an imperfect measure of the "
            "right thing is more useful than a precise measure of the wrong "
            "one.</p><p>Budget 2026 will be judged, as all budgets are, on its "
            "headline numbers. It should also be judged on whether it gives a "
            "twenty-two-year-old in Kanpur or Coimbatore a better chance of a decent "
            "job.</p>"
        ),
        "tags": ["Budget 2026", "Economy", "Jobs"],
        "hours_ago": 110,
        "hero": None,
        "updated_hours_after": None,
    },
    {
        "headline": (
            "UN Food Agency Warns of Price Spike as Red Sea Shipping Delays Drag On"
        ),
        "slug": "un-food-agency-warns-price-spike-red-sea-shipping-delays",
        "section": "world",
        "authors": ["daniel-okafor"],
        "credit_line": "With inputs from agencies",
        "dateline": "DUBAI",
        "standfirst": (
            "Longer voyages around Africa are adding weeks and costs to grain and "
            "cooking-oil shipments, with import-dependent countries in East Africa and "
            "South Asia most exposed."
        ),
        "body": (
            "<p>A United Nations food agency has warned that prolonged disruption to "
            "shipping in the Red Sea could push up prices of wheat, rice and cooking "
            "oil in import-dependent countries over the coming months.</p><p>Many "
            "shipping companies continue to send vessels around the Cape of Good Hope "
            "rather than through the Suez Canal, adding up to two weeks to voyages "
            "between Asia and Europe and raising fuel and insurance costs.</p><h2>Who "
            "is most exposed</h2><p>The agency said countries in East Africa and parts "
            "of South Asia that import a large share of their staple foods were most "
            "at risk. Freight rates for bulk grain carriers on some routes have nearly "
            "doubled since last year, according to industry data cited in the "
            "report.</p><h2>Impact on Indian trade</h2><p>Indian exporters of rice and "
            "spices say longer voyages have raised costs and delayed payments. “Our "
            "customers in Europe are paying more for freight, and some are asking us "
            "to share the burden,” said Vikram Bhatia, who heads an exporters’ "
            "association in Kochi.</p><h2>Little sign of relief</h2><p>Shipping "
            "analysts in Dubai said insurers were unlikely to cut premiums for Red Sea "
            "transits until there was a sustained period without incidents. The agency "
            "urged governments to avoid export restrictions, which it said had "
            "worsened past food price shocks. Read our <a "
            'href="https://example.org/world/shipping-routes-explained">guide to '
            "global shipping routes</a>.</p>"
        ),
        "tags": ["Shipping", "West Asia", "Trade", "Exports", "Food Security"],
        "hours_ago": 125,
        "hero": {
            "alt": "Illustration: dark red waves under a hazy sky",
            "caption": (
                "An illustration of rough seas, representing disrupted shipping routes "
                "in the Red Sea."
            ),
            "credit": "Agency illustration",
            "colour": "#7c2d12",
            "motif": "waves",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Chennai’s Sixteen-Year-Old Aditi Ramesh Becomes India’s Newest Chess "
            "Grandmaster"
        ),
        "slug": "chennai-aditi-ramesh-becomes-newest-grandmaster",
        "section": "sports",
        "authors": ["farhan-qureshi"],
        "credit_line": "",
        "dateline": "CHENNAI",
        "standfirst": (
            "Ramesh secured her final norm at a tournament in Serbia and crossed the "
            "2,500 rating mark with a last-round win, becoming one of the youngest "
            "Indian women to earn the title."
        ),
        "body": (
            "<p>Aditi Ramesh, a sixteen-year-old from Chennai, has become India’s "
            "newest chess grandmaster after securing her third and final norm at an "
            "open tournament in Serbia on Sunday.</p><p>Ramesh crossed the required "
            "rating of 2,500 with a last-round win over a higher-rated opponent, in a "
            "game that lasted nearly six hours. She is one of the youngest Indian "
            "women to earn the title.</p><h2>A long road</h2><p>She learnt the game at "
            "six from her grandfather, a retired bank clerk, and began training at a "
            "Chennai academy two years later. Her coach said her greatest strength was "
            "“patience in bad positions”. “Most juniors panic when they are worse,” he "
            "said. “Aditi waits. She is happy to defend for fifty "
            "moves.”</p><h2>What’s next</h2><p>Ramesh is expected to represent India "
            "at the world junior championship later this year. She said she planned to "
            "finish her Class 11 examinations first. “My mother has made it clear that "
            "the grandmaster title does not come with exemption from chemistry,” she "
            "said.</p>"
        ),
        "tags": ["Chess", "Women in Sport"],
        "hours_ago": 140,
        "hero": None,
        "updated_hours_after": None,
    },
    {
        "headline": (
            "UPI Refund Scams Rise Sharply — Banks Told to Add ‘Cooling-Off’ Prompts "
            "for First-Time Payees"
        ),
        "slug": "upi-refund-scams-rise-banks-cooling-off-prompts",
        "section": "technology",
        "authors": ["nikhil-varghese"],
        "credit_line": "",
        "dateline": "NEW DELHI",
        "standfirst": (
            "A government cyber agency says fraudsters posing as customer-care staff "
            "are persuading victims to ‘approve a refund’ that is in fact a payment "
            "request."
        ),
        "body": (
            "<p>The government’s cyber security agency has flagged a sharp rise in "
            "scams in which fraudsters trick people into approving UPI payment "
            "requests by claiming they are refunds, and has asked banks and payment "
            "apps to add warning prompts.</p><p>In an advisory issued on Monday, the "
            "agency said complaints about such scams had roughly doubled over the past "
            "six months. Most victims were contacted after searching online for "
            "customer-care numbers of delivery or travel companies.</p><h2>How the "
            "scam works</h2><ol><li>The victim finds a fake helpline number on a "
            "search engine or social media page.</li><li>A caller posing as an "
            "executive promises a refund and sends a “collect request” on "
            "UPI.</li><li>The victim enters their PIN believing they are receiving "
            "money, and the amount is debited instead.</li></ol><h2>Cooling-off "
            "prompts</h2><p>The advisory asks banks and apps to show a prominent "
            "warning when a user approves a collect request from a payee they have "
            "never dealt with before, and to consider a short delay for large "
            "first-time payments. “Nobody ever needs to enter a PIN to receive money,” "
            "the agency said in its note.</p><h2>Report quickly</h2><p>Victims are "
            "urged to report fraud immediately through the national cyber crime "
            "helpline, as quick complaints improve the chances of freezing the money. "
            'Read our <a href="https://example.org/technology/upi-safety-guide">guide '
            "to staying safe on UPI</a>.</p>"
        ),
        "tags": ["Cybersecurity", "UPI", "Banking"],
        "hours_ago": 160,
        "hero": {
            "alt": (
                "Illustration: diagonal navy and steel-blue stripes suggesting a "
                "security warning"
            ),
            "caption": "An illustration representing warning prompts in payment apps.",
            "credit": "DailyBeat illustration",
            "colour": "#1e3a5f",
            "motif": "stripes",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Six States Shift Outdoor Work Hours as Mercury Touches 46°C; Heat Action "
            "Plans Under Scrutiny"
        ),
        "slug": "six-states-shift-outdoor-work-hours-heatwave",
        "section": "india",
        "authors": ["sneha-pillai"],
        "credit_line": "",
        "dateline": "JAIPUR",
        "standfirst": (
            "Construction sites, MGNREGA works and brick kilns have been told to halt "
            "work between noon and 4 pm, but labour groups say enforcement is patchy."
        ),
        "body": (
            "<p>Six states in north and central India have ordered employers to stop "
            "outdoor work during the hottest hours of the day, as temperatures crossed "
            "46°C in parts of Rajasthan, Uttar Pradesh and Madhya Pradesh.</p><p>The "
            "orders cover construction sites, rural employment works and brick kilns, "
            "and require employers to halt work between noon and 4 pm and to provide "
            "shade, drinking water and oral rehydration salts.</p><h2>Patchy "
            "enforcement</h2><p>Labour organisations say the rules are often ignored "
            "on private sites. “On paper there is a rest break. On the ground, "
            "contractors pay by the day and workers cannot afford to stop,” said Kamla "
            "Meghwal of a construction workers’ union in Jaipur.</p><h2>Hospitals "
            "prepare</h2><p>District hospitals have set up dedicated heatstroke wards, "
            "and health officials said they had recorded a rise in admissions over the "
            "past week. Doctors advise people to avoid going out in the afternoon, "
            "drink water frequently and watch for signs such as confusion and a very "
            "high body temperature.</p><h2>Relief expected next "
            "week</h2><p>Forecasters expect temperatures to ease slightly next week as "
            "moisture from the advancing monsoon reaches central India. Check the <a "
            'href="https://example.org/india/heat-alert-map">heat alert map</a> for '
            "your district.</p>"
        ),
        "tags": ["Heatwave", "Climate", "Labour"],
        "hours_ago": 180,
        "hero": {
            "alt": "Illustration: a blazing orange sun drawn as concentric circles",
            "caption": (
                "An illustration of the midday sun as heatwave conditions grip north "
                "India."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#c2410c",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "State Panel Recommends Rotation Formula for Women’s Reservation in "
            "Municipal Wards"
        ),
        "slug": "panel-recommends-rotation-formula-womens-reservation-wards",
        "section": "politics",
        "authors": ["arjun-deshpande", "sneha-pillai"],
        "credit_line": "",
        "dateline": "MUMBAI",
        "standfirst": (
            "The committee says reserved wards should rotate every two elections "
            "rather than every five years, so that women councillors have a chance to "
            "seek re-election."
        ),
        "body": (
            "<p>A committee set up by the Maharashtra government has recommended "
            "changing the way wards are reserved for women in municipal elections, so "
            "that reservation rotates every two terms instead of every "
            "term.</p><p>Under the current system, a ward reserved for women in one "
            "election is usually opened up in the next, which the committee said made "
            "it difficult for women councillors to build a political "
            "career.</p><h2>The argument for longer terms</h2><p>“A woman wins, learns "
            "the job and then finds her seat is no longer reserved,” said the "
            "committee’s chairperson, a retired civil servant. “She is then expected "
            "to compete against a party’s established men. Very few are given the "
            "ticket.”</p><h2>Parties divided</h2><p>Political parties have responded "
            "cautiously. Some leaders welcomed the proposal, while others said it "
            "would reduce opportunities for new candidates. The state election "
            "commission will be consulted before any change is made.</p><h2>Next "
            "steps</h2><p>The report will be placed before the state cabinet. If "
            "accepted, the change could apply from the next round of civic elections. "
            "Read the <a "
            'href="https://example.org/politics/ward-reservation-report">committee’s '
            "key recommendations</a>.</p>"
        ),
        "tags": ["Elections", "Women in Politics", "Local Government", "Cities"],
        "hours_ago": 210,
        "hero": None,
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Shillong Band’s Album ‘Pine & Rain’ Tops Independent Music Charts — "
            "Without a Record Label"
        ),
        "slug": "shillong-band-pine-and-rain-tops-indie-charts",
        "section": "entertainment",
        "authors": ["ananya-sen"],
        "credit_line": "",
        "dateline": "SHILLONG",
        "standfirst": (
            "Recorded in a converted garage over two winters, the four-piece band’s "
            "debut album has been streamed more than ten million times in three weeks."
        ),
        "body": (
            "<p>A four-piece band from Shillong has topped India’s independent music "
            "charts with a debut album recorded in a converted garage and released "
            "without a record label.</p><p><em>Pine &amp; Rain</em>, by the band "
            "Lumlang, mixes Khasi folk melodies with guitar-driven rock. It has been "
            "streamed more than ten million times in three weeks, according to figures "
            "shared by the band.</p><h2>Recorded over two winters</h2><p>Lead singer "
            "Banri Kharkongor said the band recorded only in winter, when the rain "
            "stopped drumming on the garage’s tin roof. “In the monsoon you could hear "
            "the weather on every track,” he said. “Some of it we kept.”</p><h2>A city "
            "of music</h2><p>Shillong has long had a strong live music culture, and "
            "several musicians said the album’s success showed that artists no longer "
            "needed to move to Mumbai or Delhi to find listeners. The band will begin "
            "a ten-city tour next month.</p><p>Listen to our <a "
            'href="https://example.org/entertainment/lumlang-interview">interview with '
            "the band</a>.</p>"
        ),
        "tags": ["Music", "North-East"],
        "hours_ago": 240,
        "hero": {
            "alt": "Illustration: soft purple circles like drops of rain on a window",
            "caption": "An illustration inspired by the album’s rain-soaked sound.",
            "credit": "DailyBeat illustration",
            "colour": "#4c1d95",
            "motif": "circles",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "India–EU Trade Talks Resume in Brussels With Focus on Tariffs, Data Rules "
            "& Carbon Levy"
        ),
        "slug": "india-eu-trade-talks-resume-brussels",
        "section": "world",
        "authors": ["meera-raghavan"],
        "credit_line": "",
        "dateline": "BRUSSELS",
        "standfirst": (
            "Negotiators say a deal is closer than at any point in a decade, but the "
            "European Union’s carbon border tax and India’s data rules remain hard to "
            "reconcile."
        ),
        "body": (
            "<p>Negotiators from India and the European Union began a fresh round of "
            "trade talks in Brussels on Monday, with both sides saying they hoped to "
            "close several chapters of a long-delayed free trade agreement this "
            "year.</p><p>The week-long round will focus on tariffs on cars, wine and "
            "spirits, market access for Indian textiles and pharmaceuticals, and rules "
            "on the cross-border flow of data.</p><h2>The carbon question</h2><p>The "
            "most difficult issue is the EU’s carbon border adjustment mechanism, "
            "which will put a charge on imports of steel, aluminium and other "
            "carbon-intensive goods. Indian officials say it amounts to a trade "
            "barrier and want exemptions or credits for Indian producers.</p><p>“Both "
            "sides have moved, but the carbon levy is a question of European law, not "
            "just negotiation,” said Hélène Marchand, a trade researcher at a Brussels "
            "think-tank. “That makes it very hard to trade away.”</p><h2>Data and "
            "services</h2><p>India is also seeking recognition as a data-secure "
            "country under EU rules, which would make it easier for Indian IT "
            "companies to handle European customers’ data. Officials said progress had "
            "been made but that a separate process was "
            "needed.</p><h2>Timeline</h2><p>Both sides have said they aim to conclude "
            "the agreement within the year, a target missed several times before. Read "
            'our <a href="https://example.org/world/india-eu-fta-explainer">explainer '
            "on what is at stake</a>.</p>"
        ),
        "tags": ["Trade", "European Union", "Diplomacy", "Climate"],
        "hours_ago": 280,
        "hero": {
            "alt": "Illustration: a blue city skyline with modern glass towers",
            "caption": (
                "An illustrated skyline of Brussels, where negotiators met for the new "
                "round of talks."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#1e40af",
            "motif": "skyline",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Darjeeling First Flush Fetches Record Prices as Smaller Crop Meets Strong "
            "Overseas Demand"
        ),
        "slug": "darjeeling-first-flush-record-prices",
        "section": "business",
        "authors": ["kavya-iyer"],
        "credit_line": "",
        "dateline": "KOLKATA",
        "standfirst": (
            "A dry spring cut output from the hill gardens, but buyers from Germany "
            "and Japan paid top rupee for the season’s first teas at the Kolkata "
            "auction."
        ),
        "body": (
            "<p>Darjeeling’s first flush teas fetched record prices at the Kolkata "
            "auction this week as a dry spring reduced output and buyers in Europe and "
            "Japan competed for limited lots.</p><p>The average price for first flush "
            "teas rose by about 18 per cent over last year, according to auction data, "
            "while a small lot from one estate sold for more than ₹1 lakh a "
            "kilogram.</p><h2>A smaller crop</h2><p>Garden managers said lack of rain "
            "in February and March had cut output by nearly a quarter at some estates. "
            "“The leaves are fewer, but the flavour is excellent,” said Pema Lepcha, "
            "manager of a tea garden near Kurseong. “Buyers know that.”</p><h2>Worries "
            "beyond this season</h2><p>Growers warned that high prices for a small "
            "crop did not solve the industry’s long-term problems, including ageing "
            "bushes, labour shortages and competition from cheaper teas sold under the "
            "Darjeeling name. Industry bodies want stricter enforcement of the "
            "geographical indication.</p><p>See our <a "
            'href="https://example.org/business/tea-auction-prices">tea auction price '
            "tracker</a>.</p>"
        ),
        "tags": ["Agriculture", "Exports", "Trade"],
        "hours_ago": 330,
        "hero": {
            "alt": "Illustration: layered olive-green hills and mountains under mist",
            "caption": "An illustration of tea-covered slopes in the Darjeeling hills.",
            "credit": "DailyBeat illustration",
            "colour": "#3f6212",
            "motif": "mountains",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Char Dham Yatra Registrations Cross 20 Lakh; Authorities Cap Daily "
            "Pilgrims at Kedarnath"
        ),
        "slug": "char-dham-yatra-registrations-cross-20-lakh",
        "section": "india",
        "authors": ["sneha-pillai"],
        "credit_line": "",
        "dateline": "DEHRADUN",
        "standfirst": (
            "Officials say daily limits and staggered time slots are needed to prevent "
            "dangerous crowding on the narrow trek routes."
        ),
        "body": (
            "<p>More than 20 lakh pilgrims have registered for this year’s Char Dham "
            "Yatra in Uttarakhand, prompting authorities to cap the number of daily "
            "visitors at Kedarnath and introduce time slots for the trek.</p><p>The "
            "state tourism department said registrations were running well ahead of "
            "last year’s pace. Pilgrims without a registration and a time slot will be "
            "stopped at checkpoints along the route.</p><h2>Crowding on the "
            "trek</h2><p>The 16-kilometre trek to Kedarnath passes through narrow "
            "mountain paths, and officials said crowding had caused long delays and "
            "health emergencies in past seasons. Medical relief posts with oxygen "
            "facilities have been set up every two kilometres.</p><h2>Weather "
            "warnings</h2><p>Pilgrims have been advised to carry warm clothing and to "
            "check weather updates, as sudden rain can trigger landslides on the "
            "approach roads. Helicopter services will be suspended in bad "
            "weather.</p><h2>Advice for travellers</h2><ul><li>Register online before "
            "travel and carry a printed or digital copy.</li><li>Allow for rest days "
            "to acclimatise, especially for older pilgrims.</li><li>Keep emergency "
            "helpline numbers saved on your phone.</li></ul><p>The registration portal "
            "is available on the <a "
            'href="https://example.org/india/char-dham-registration">state tourism '
            "website</a>.</p>"
        ),
        "tags": ["Travel", "Pilgrimage", "Uttarakhand"],
        "hours_ago": 400,
        "hero": {
            "alt": "Illustration: snow-capped grey-blue mountains under a clear sky",
            "caption": (
                "An illustration of the Himalayan peaks on the route to Kedarnath."
            ),
            "credit": "DailyBeat illustration",
            "colour": "#334155",
            "motif": "mountains",
        },
        "updated_hours_after": None,
    },
    {
        "headline": (
            "Coalitions Are Not a Weakness. Ask the States That Have Run on Them for "
            "Decades"
        ),
        "slug": "coalitions-are-not-a-weakness",
        "section": "opinion",
        "authors": ["arjun-deshpande"],
        "credit_line": "",
        "dateline": "",
        "standfirst": (
            "Every time an alliance wobbles in Delhi, the word ‘instability’ returns. "
            "Several states have shown that shared power can also mean steady "
            "government."
        ),
        "body": (
            "<p>Whenever a coalition government at the Centre shows signs of strain, "
            "the commentary writes itself. Coalitions are unstable, we are told. They "
            "are hostage to small partners. They cannot take hard "
            "decisions.</p><h2>The record says otherwise</h2><p>The record of several "
            "states suggests a more complicated picture. Kerala has alternated between "
            "two coalitions for decades, and its governments have rarely fallen "
            "mid-term. Other states have been governed by multi-party alliances that "
            "lasted full terms and passed significant reforms.</p><h2>Bargaining is "
            "not a flaw</h2><p>Coalitions force negotiation. That can be slow and "
            "messy, but it also means that a policy has to persuade more than one "
            "party before it becomes law. Some of the most durable reforms were passed "
            "by governments that had to bargain for every vote.</p><h2>What makes them "
            "work</h2><p>Coalitions succeed when partners agree in advance on a common "
            "programme, when there is a credible mechanism for settling disputes, and "
            "when the largest party resists the temptation to treat allies as junior "
            "employees. They fail when none of these exist.</p><p>None of this means "
            "coalitions are always better. But the next time an alliance wobbles, it "
            "is worth asking whether the problem is shared power itself, or the way it "
            "is being shared.</p>"
        ),
        "tags": ["Elections", "Opposition", "Federalism"],
        "hours_ago": 460,
        "hero": None,
        "updated_hours_after": None,
    },
]
