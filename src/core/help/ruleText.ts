import type { RuleId } from '../rules';

/** One rule's help: what it checks, why the site cares, and how to fix it. Markdown. */
export interface RuleText {
  what: string;
  why: string;
  fix: string;
}

/** The help of every rule, in English. */
export const ruleTextEn: Record<RuleId, RuleText> = {
  'frontmatter-missing': {
    what: 'The file does not start with a frontmatter block: a line `---`, the article\'s fields, and another `---`.',
    why: 'The site reads title, category, date and question from the frontmatter. Without it the build stops at this file.',
    fix: 'Start the file with `---`, the fields (`title`, `category`, `date`, `question` …) and a closing `---`. The snippet `qa-article` writes a complete one.',
  },
  'frontmatter-unclosed': {
    what: 'The frontmatter opens with `---` but is never closed.',
    why: 'Everything after the opening line would be read as fields, the answer too, and the build fails.',
    fix: 'Add a line `---` after the last field. The quick fix does it.',
  },
  'frontmatter-toml': {
    what: 'The fields are written in TOML (`title = "…"`) between two lines `+++`, not in YAML between two lines `---`.',
    why: 'The site reads TOML too, so the page builds, but every other article is YAML, and suggestions, quick fixes and the publishing commands work only on YAML fields.',
    fix: 'The quick fix writes the same fields as YAML between lines `---`, with every value unchanged.',
  },
  'yaml-syntax': {
    what: 'A line the YAML reader cannot read: bad indentation, a tab, an unclosed quote, or `: ` inside a plain value.',
    why: 'The site\'s build stops at the first file it cannot read.',
    fix: 'The message says what to change. A value with `: ` in it goes in double quotes: `title: "Axeln: vad gör jag?"`.',
  },
  'yaml-duplicate-key': {
    what: 'The same field appears twice.',
    why: 'The site\'s YAML reader refuses the file and the build fails.',
    fix: 'Keep one of the two lines.',
  },
  'yaml-type': {
    what: 'A value of the wrong kind: a date, `true`/`false` or a number in quotes, `yes`/`no`, or text where a list is needed.',
    why: 'The site checks the kind of every field: `"2017-08-15"` is text, not a date, and the build fails.',
    fix: 'Remove the quotes around dates, booleans and numbers; write `true`/`false`, not `yes`/`no`; write lists as `["a", "b"]`. The quick fix does most of these.',
  },
  'yaml-empty-value': {
    what: 'A field with nothing after the colon.',
    why: 'YAML reads an empty value as null, which no field of the site accepts: the build fails.',
    fix: 'Write a value, or remove the line.',
  },
  'schema-required': {
    what: 'A field the site requires is missing: `title`, `category`, `date` or `question`.',
    why: 'The build fails without them.',
    fix: 'Add the field; the quick fix adds it with a placeholder to fill in.',
  },
  'schema-enum': {
    what: 'A value outside the allowed list, for `category` (axel, kna, armbage, annat) or `status` (obesvarad, utkast, klar).',
    why: 'The site accepts only these values; anything else fails the build.',
    fix: 'Use one of the values listed in the message; the nearest one is offered as a quick fix.',
  },
  'schema': {
    what: 'Any other way the article breaks the site\'s schema.',
    why: 'The site validates every article against it before building.',
    fix: 'Follow the message; hover the field for what it expects.',
  },
  'file-unreadable': {
    what: 'The file cannot be read as an article: binary data, text saved as UTF-16 (Windows\' "Unicode"), a link to a pipe or device, or a file over 10 MB.',
    why: 'The site cannot build a page from it.',
    fix: 'Save the article as a plain UTF-8 Markdown file, or move other files out of the articles\' folder.',
  },
  'file-left-out': {
    what: 'A file among the articles that the site leaves out: its permissions do not allow reading it, the disk gave an error, or its name ends in another Markdown extension than `.md` (`.markdown`, `.mdown`, `.MD` in capitals).',
    why: 'The site\'s build takes only `.md` files as articles, and leaves out a file it cannot read (it says so in its log); it builds the rest. The build does not fail, but no page is made for this article.',
    fix: 'Rename the file so that its name ends in `.md` (small letters); make a file that cannot be read readable again (its permissions are set on the computer that holds it; ask whoever looks after it); or remove it if it is not an article.',
  },
  'file-encoding': {
    what: 'The file is not valid UTF-8, or the editor will save it in another encoding (Windows 1252, ISO 8859-1 …) and it has letters outside A–Z.',
    why: 'The site reads every article as UTF-8: å, ä and ö come out as � on the page.',
    fix: 'Save the file as UTF-8 (in VS Code: the encoding in the status bar → Save with Encoding → UTF-8).',
  },
  'page-address': {
    what: 'A field `slug`, which the site takes as the page\'s address (`/fraga-doktorn/<slug>`) instead of the one the file\'s name gives; or two articles whose pages get the same address.',
    why: 'Links to the old address stop working; and of two articles with one address the site publishes only one, the other silently.',
    fix: 'Remove the `slug` line (the quick fix does it), and give a file another name where two share an address.',
  },
  'unknown-field': {
    what: 'A field the site does not know, often a typo (`tittle`).',
    why: 'The site silently drops fields it does not know, so the value is lost.',
    fix: 'Rename it to the field you meant (the quick fix offers the nearest one), or remove it.',
  },
  'title-length': {
    what: 'The title is longer than the limit (60 characters by default).',
    why: 'The title is the heading of the search result; a search engine cuts a longer one.',
    fix: 'Shorten the title. The preview shows the search result as it would appear.',
  },
  'description-length': {
    what: 'The description is shorter or longer than the limits (120–160 characters by default).',
    why: 'The description is the text of the search result and of shared links: too short says little, too long is cut.',
    fix: 'Write one or two sentences within the limits. The preview shows where a search engine cuts.',
  },
  'summary-block': {
    what: 'A published answer has no `**Sammanfattning:**` block with at least one bullet.',
    why: 'The house style ends every answer with the key points, which the page shows as a box.',
    fix: 'End the answer with a line `**Sammanfattning:**` and a bullet list; the quick fix adds one.',
  },
  'tag-variant': {
    what: 'A tag that differs from a more used one only by case, spaces or å/ä/ö.',
    why: 'The site makes one tag page per spelling, so readers find only part of the articles on each.',
    fix: 'Use the common spelling (the quick fix), or merge the spellings with *Rename or Merge Tag*.',
  },
  'tag-duplicate': {
    what: 'The same tag twice in one list.',
    why: 'It shows twice on the page.',
    fix: 'Remove the repeat (the quick fix).',
  },
  'tag-joined': {
    what: 'One item of the tag list that holds several tags: a `- ` line indented further than the one above it (YAML joins the two into "kalkaxel - operation"), or tags separated by a comma or semicolon inside one item (`- kalkaxel, operation`, `[kalkaxel; operation]`), or a stray comma (`- kalkaxel,`).',
    why: 'The site makes a tag page for every tag as it is written: such a tag gets a page of its own that lists this article alone, and the article is missing from the pages of the tags that were meant.',
    fix: 'Write each tag as an item of its own, every `- ` at the same indentation: the quick fix does, in the list\'s own style.',
  },
  'personal-data': {
    what: 'A personnummer, a phone number or an e-mail address in the question, the answer or `patientName`.',
    why: 'The page is public, unpublished ones too (the site builds a page for every article). Patients\' data must not be on it.',
    fix: 'Remove or anonymise it.',
  },
  'published-incomplete': {
    what: 'A published article that is still `obesvarad`, or has no answer or no question.',
    why: 'Readers would get an empty page in the site\'s lists.',
    fix: 'Answer it, or set `published: false` until it is ready.',
  },
  'duplicate-title': {
    what: 'Another article has the same title.',
    why: 'Two search results with one title compete with each other, and readers cannot tell them apart.',
    fix: 'Make the title say what is particular about this question.',
  },
  'answer-heading': {
    what: 'A heading (`##`) in the answer.',
    why: 'The house style writes answers as plain paragraphs: a heading breaks the page\'s layout.',
    fix: 'Write it as a paragraph, or in bold if it must stand out.',
  },
  'date-invalid': {
    what: 'A date that does not exist, such as `2017-02-30`.',
    why: 'The site does not refuse it: it silently shows another day (2 March).',
    fix: 'Check the day and the month.',
  },
  'typographic-quotes': {
    what: 'A field\'s value written between typographic quotes (`”Ont i axeln”`, `“…”`, `«…»`), as a word processor writes them.',
    why: 'YAML quotes a value only with straight quotes (`"` or `\'`): typographic ones are part of the text, so the page shows them around the title or description.',
    fix: 'Write straight quotes instead: the quick fix does, and keeps the text between them.',
  },
  'question-folded': {
    what: 'The `question` written over several lines without `|` (as `question: Hej …` with its further lines indented below).',
    why: 'YAML joins the lines of such a value into one, while the page shows the question with its line breaks (as a block `question: |` keeps them): the patient\'s paragraphs run together.',
    fix: 'Write `question: |` and the text below it, each line indented two spaces: the quick fix does, line by line.',
  },
  'value-comment': {
    what: 'A title, description, author or patientName written without quotes, with ` #` in it (`title: Fråga #2 om axeln`).',
    why: 'In YAML a `#` after a space starts a comment: the rest of the line is not part of the value, so the page shows the text cut short, silently.',
    fix: 'Put the whole value in double quotes (the quick fix does). A `#` meant as a note to editors may stay: turn the rule off then.',
  },
  'topic-unknown': {
    what: 'A topic no other article uses that is a near miss of one they use — a likely typo. Used only while the site\'s topic list is not known; with it, `topic-no-page` checks against the site itself.',
    why: 'Articles on one subject should share one topic.',
    fix: 'Use the suggested topic (the quick fix), or keep the new one if it is meant.',
  },
  'topic-no-page': {
    what: 'The `topic` is not one of the site\'s topics (`src/data/topics.ts`) for the article\'s category (body part).',
    why: 'A topic page lists an article only when its topic is one of its body part\'s topics; otherwise no topic page lists the article, silently.',
    fix: 'Use the suggested site topic (the quick fix), or pick one with completion (`topic:` then Ctrl+Space lists the site\'s topics with their titles). Or add the topic to the site\'s `topics.ts`.',
  },
  'condition-unknown': {
    what: 'The `relatedCondition` is not one of the site\'s condition pages (`src/data/conditions.ts`).',
    why: 'The page shows the condition in its breadcrumb and a "Fördjupning" box only for a known condition; otherwise nothing is shown, silently.',
    fix: 'Use one of the known paths (quick fixes and completion list them), or add the condition page to the site\'s `conditions.ts`.',
  },
  'patient-name': {
    what: 'A name that signs the question at its end (`Mvh Anna`, `M.v.h Carina`, `Tack på förhand! Sara`, `/Lisa`), or the `patientName` value written in the question or the answer.',
    why: 'The site shows the question to everyone, and it builds a page for unpublished articles too: a name can tell who the patient is.',
    fix: 'Remove the name; the greeting may stay. The quick fix removes a sign-off in one edit. Medical eponyms (Bankart, Hill-Sachs, SLAP) are never taken for a name.',
  },
  'answer-signature': {
    what: 'A signature at the end of the answer (`MVH`, `Dr …`, `/Carlos`, the author\'s name after the last sentence), or the author\'s signature at the end of the question.',
    why: 'The site already shows the author above the answer; the site\'s guide says no signature.',
    fix: 'Remove it: the quick fix does. A signature in the question means the answer was written into the question field: move the answer below the fields.',
  },
  'answer-italics': {
    what: 'Italics (`*text*` or `_text_`) in the answer.',
    why: 'The site\'s writing guide removes italics from the answers.',
    fix: 'Write it as normal text: the quick fix removes the markers.',
  },
  'answer-bold': {
    what: 'A bold run of more than six words in the answer.',
    why: 'The house style uses little bold: a bold sentence hides what really matters.',
    fix: 'Make it normal text, or bold only the key words. A quick fix removes the bold.',
  },
  'answer-read-more': {
    what: 'A "Läs mer om …" link in the answer.',
    why: 'The site adds its own "Fördjupning" box with the related pages.',
    fix: 'Remove it: the quick fix removes the link, or its whole line.',
  },
  'answer-image': {
    what: 'An image in the answer, `![text](./bild.jpg)`, whose file is not there: not beside the article under that name (or the folder the address leads to), or named with other capital letters (`Bild.JPG` for `bild.jpg`).',
    why: 'The site\'s build takes every such image into the site and stops, for the whole site, when its file is missing ("Could not find requested image"). It does so for unpublished articles too. The server that builds the site tells capital letters from small ones, even when your own computer does not.',
    fix: 'Put the image file beside the article (or where the address leads), or correct the name in the address. A quick fix writes a name with the capitals the file has. An address from the site\'s public folder starts with `/` (`/images/bild.jpg`).',
  },
  'answer-image-broken': {
    what: 'An image readers would see broken: an address starting with `/` (the site\'s `public/` folder) with no file there; a file of a kind the site does not show as a picture (only .jpg, .jpeg, .png, .gif, .webp, .avif, .svg and .tiff); or an address with a `%` sign that does not start a code such as `%20`.',
    why: 'The build passes, but the page shows a broken image, an empty space with not even the image\'s text, or — for the `%` — no answer at all, since the site cannot read it.',
    fix: 'Put the file in the `public/` folder under that address, save the picture as .jpg or .png, or rename the file without `%`. Addresses on other sites (`https://…`) are not checked.',
  },
  'readability-lix': {
    what: 'An answer whose LIX readability score is above the project\'s limit (`lixMax`, default 55). The preview shows the same number.',
    why: 'Patients read the answers: long sentences and long words make them hard to follow.',
    fix: 'Shorter sentences and everyday words. An answer without text has no score.',
  },
  'sentence-length': {
    what: 'A sentence of more words than the project\'s limit (`sentenceMaxWords`, default 35).',
    why: 'A long sentence is hard to follow, on a phone even more.',
    fix: 'Split it in two or three.',
  },
  'published-typo': {
    what: 'A misspelt `published` (`publised: false`) with no real `published` field.',
    why: 'The site ignores the misspelt field and a page is published unless it says `published: false`: the draft goes live.',
    fix: 'Rename it to `published`: the quick fix does.',
  },
};

/** The help of every rule, in Swedish. */
export const ruleTextSv: Record<RuleId, RuleText> = {
  'frontmatter-missing': {
    what: 'Filen börjar inte med en frontmatter: en rad `---`, artikelns fält och ytterligare en rad `---`.',
    why: 'Webbplatsen läser rubrik, kategori, datum och fråga ur frontmattern. Utan den stannar bygget vid den här filen.',
    fix: 'Börja filen med `---`, fälten (`title`, `category`, `date`, `question` …) och en avslutande `---`. Kodsnutten `qa-article` skriver en komplett.',
  },
  'frontmatter-unclosed': {
    what: 'Frontmattern börjar med `---` men avslutas aldrig.',
    why: 'Allt efter första raden skulle läsas som fält, även svaret, och bygget misslyckas.',
    fix: 'Lägg till en rad `---` efter sista fältet. Snabbåtgärden gör det.',
  },
  'frontmatter-toml': {
    what: 'Fälten är skrivna i TOML (`title = "…"`) mellan två rader `+++`, inte i YAML mellan två rader `---`.',
    why: 'Webbplatsen läser också TOML, så sidan byggs, men alla andra artiklar är YAML, och förslag, snabbåtgärder och publiceringskommandona fungerar bara på YAML-fält.',
    fix: 'Snabbåtgärden skriver samma fält som YAML mellan rader `---`, med varje värde oförändrat.',
  },
  'yaml-syntax': {
    what: 'En rad som YAML-läsaren inte kan läsa: fel indrag, en tabb, ett citattecken som inte stängs, eller `: ` i ett värde utan citattecken.',
    why: 'Webbplatsens bygge stannar vid första fil som inte går att läsa.',
    fix: 'Meddelandet säger vad som ska ändras. Ett värde med `: ` sätts inom dubbla citattecken: `title: "Axeln: vad gör jag?"`.',
  },
  'yaml-duplicate-key': {
    what: 'Samma fält förekommer två gånger.',
    why: 'Webbplatsens YAML-läsare vägrar filen och bygget misslyckas.',
    fix: 'Behåll en av raderna.',
  },
  'yaml-type': {
    what: 'Ett värde av fel slag: ett datum, `true`/`false` eller ett tal inom citattecken, `yes`/`no`, eller text där en lista behövs.',
    why: 'Webbplatsen kontrollerar varje fälts slag: `"2017-08-15"` är text, inte ett datum, och bygget misslyckas.',
    fix: 'Ta bort citattecknen kring datum, sanningsvärden och tal; skriv `true`/`false`, inte `yes`/`no`; skriv listor som `["a", "b"]`. Snabbåtgärden gör det mesta.',
  },
  'yaml-empty-value': {
    what: 'Ett fält utan något efter kolonet.',
    why: 'YAML läser ett tomt värde som null, vilket inget av webbplatsens fält godtar: bygget misslyckas.',
    fix: 'Skriv ett värde, eller ta bort raden.',
  },
  'schema-required': {
    what: 'Ett fält som webbplatsen kräver saknas: `title`, `category`, `date` eller `question`.',
    why: 'Bygget misslyckas utan dem.',
    fix: 'Lägg till fältet; snabbåtgärden lägger till det med ett värde att fylla i.',
  },
  'schema-enum': {
    what: 'Ett värde utanför den tillåtna listan, för `category` (axel, kna, armbage, annat) eller `status` (obesvarad, utkast, klar).',
    why: 'Webbplatsen godtar bara de här värdena; allt annat får bygget att misslyckas.',
    fix: 'Använd ett av värdena i meddelandet; det närmaste erbjuds som snabbåtgärd.',
  },
  'schema': {
    what: 'Något annat sätt som artikeln bryter mot webbplatsens schema.',
    why: 'Webbplatsen kontrollerar varje artikel mot schemat innan den bygger.',
    fix: 'Följ meddelandet; håll muspekaren över fältet för att se vad det väntar sig.',
  },
  'file-unreadable': {
    what: 'Filen kan inte läsas som en artikel: binärdata, text sparad som UTF-16 (Windows "Unicode"), en länk till en pipe eller enhet, eller en fil över 10 MB.',
    why: 'Webbplatsen kan inte bygga en sida av den.',
    fix: 'Spara artikeln som en vanlig Markdown-fil i UTF-8, eller flytta andra filer ur artikelmappen.',
  },
  'file-left-out': {
    what: 'En fil bland artiklarna som webbplatsen hoppar över: filens behörigheter tillåter inte att den läses, disken gav ett fel, eller filnamnet slutar på en annan Markdown-ändelse än `.md` (`.markdown`, `.mdown`, `.MD` med versaler).',
    why: 'Webbplatsens bygge tar bara `.md`-filer som artiklar, och hoppar över en fil den inte kan läsa (och skriver det i sin logg); resten byggs. Bygget misslyckas inte, men ingen sida skapas för artikeln.',
    fix: 'Byt namn på filen så att namnet slutar på `.md` (små bokstäver); gör en fil som inte kan läsas läsbar igen (behörigheterna ställs in på datorn där den ligger; fråga den som sköter den); eller ta bort den om den inte är en artikel.',
  },
  'file-encoding': {
    what: 'Filen är inte giltig UTF-8, eller så sparar redigeraren den i en annan teckenkodning (Windows 1252, ISO 8859-1 …) och den har bokstäver utanför A–Z.',
    why: 'Webbplatsen läser varje artikel som UTF-8: å, ä och ö blir � på sidan.',
    fix: 'Spara filen som UTF-8 (i VS Code: teckenkodningen i statusfältet → Save with Encoding → UTF-8).',
  },
  'page-address': {
    what: 'Ett fält `slug`, som webbplatsen tar som sidans adress (`/fraga-doktorn/<slug>`) i stället för den som filens namn ger; eller två artiklar vars sidor får samma adress.',
    why: 'Länkar till den gamla adressen slutar fungera; och av två artiklar med samma adress publicerar webbplatsen bara den ena, utan att säga något om den andra.',
    fix: 'Ta bort raden `slug` (snabbåtgärden gör det), och ge en fil ett annat namn där två delar adress.',
  },
  'unknown-field': {
    what: 'Ett fält som webbplatsen inte känner till, ofta ett stavfel (`tittle`).',
    why: 'Webbplatsen tar tyst bort okända fält, så värdet går förlorat.',
    fix: 'Byt namn till fältet du menade (snabbåtgärden föreslår det närmaste), eller ta bort det.',
  },
  'title-length': {
    what: 'Rubriken är längre än gränsen (60 tecken som standard).',
    why: 'Rubriken är sökträffens rubrik; en sökmotor klipper en längre.',
    fix: 'Korta rubriken. Förhandsvisningen visar sökträffen som den skulle se ut.',
  },
  'description-length': {
    what: 'Beskrivningen är kortare eller längre än gränserna (120–160 tecken som standard).',
    why: 'Beskrivningen är sökträffens text och texten när länken delas: för kort säger lite, för lång klipps.',
    fix: 'Skriv en eller två meningar inom gränserna. Förhandsvisningen visar var en sökmotor klipper.',
  },
  'summary-block': {
    what: 'Ett publicerat svar saknar en `**Sammanfattning:**` med minst en punkt.',
    why: 'Husstilen avslutar varje svar med det viktigaste, som sidan visar i en ruta.',
    fix: 'Avsluta svaret med en rad `**Sammanfattning:**` och en punktlista; snabbåtgärden lägger till en.',
  },
  'tag-variant': {
    what: 'En tagg som skiljer sig från en vanligare bara i stora/små bokstäver, mellanslag eller å/ä/ö.',
    why: 'Webbplatsen gör en taggsida per stavning, så läsarna hittar bara en del av artiklarna på varje.',
    fix: 'Använd den vanliga stavningen (snabbåtgärden), eller slå ihop stavningarna med *Byt namn på eller slå ihop tagg*.',
  },
  'tag-duplicate': {
    what: 'Samma tagg två gånger i en lista.',
    why: 'Den visas två gånger på sidan.',
    fix: 'Ta bort upprepningen (snabbåtgärden).',
  },
  'tag-joined': {
    what: 'En post i tagglistan som rymmer flera taggar: en rad `- ` som är mer indragen än raden ovanför (YAML slår ihop dem till "kalkaxel - operation"), taggar åtskilda av kommatecken eller semikolon i en post (`- kalkaxel, operation`, `[kalkaxel; operation]`), eller ett överblivet kommatecken (`- kalkaxel,`).',
    why: 'Webbplatsen gör en taggsida för varje tagg som den är skriven: en sådan tagg får en egen sida där bara den här artikeln finns, och artikeln saknas på sidorna för de taggar som var menade.',
    fix: 'Skriv varje tagg som en egen post, alla `- ` lika långt in: snabbåtgärden gör det, i listans egen stil.',
  },
  'personal-data': {
    what: 'Ett personnummer, telefonnummer eller en e-postadress i frågan, svaret eller `patientName`.',
    why: 'Sidan är offentlig, även opublicerade (webbplatsen bygger en sida för varje artikel). Patienters uppgifter får inte finnas där.',
    fix: 'Ta bort eller avidentifiera uppgiften.',
  },
  'published-incomplete': {
    what: 'En publicerad artikel som fortfarande är `obesvarad`, eller saknar svar eller fråga.',
    why: 'Läsarna skulle få en tom sida i webbplatsens listor.',
    fix: 'Besvara den, eller sätt `published: false` tills den är klar.',
  },
  'duplicate-title': {
    what: 'En annan artikel har samma rubrik.',
    why: 'Två sökträffar med samma rubrik konkurrerar med varandra, och läsarna kan inte skilja dem åt.',
    fix: 'Låt rubriken säga vad som är särskilt med just den här frågan.',
  },
  'answer-heading': {
    what: 'En rubrik (`##`) i svaret.',
    why: 'Husstilen skriver svar som vanliga stycken: en rubrik bryter sidans layout.',
    fix: 'Skriv det som ett stycke, eller i fetstil om det måste synas.',
  },
  'date-invalid': {
    what: 'Ett datum som inte finns, till exempel `2017-02-30`.',
    why: 'Webbplatsen vägrar det inte: den visar tyst en annan dag (2 mars).',
    fix: 'Kontrollera dag och månad.',
  },
  'typographic-quotes': {
    what: 'Ett fälts värde skrivet mellan typografiska citattecken (`”Ont i axeln”`, `“…”`, `«…»`), som ordbehandlare skriver dem.',
    why: 'YAML citerar ett värde bara med raka citattecken (`"` eller `\'`): typografiska hör till texten, så sidan visar dem runt rubriken eller beskrivningen.',
    fix: 'Skriv raka citattecken i stället: snabbåtgärden gör det och behåller texten mellan dem.',
  },
  'question-folded': {
    what: 'Fältet `question` skrivet över flera rader utan `|` (som `question: Hej …` med fler rader indragna under).',
    why: 'YAML slår ihop raderna i ett sådant värde till en, medan sidan visar frågan med dess radbrytningar (som ett block `question: |` behåller dem): patientens stycken flyter ihop.',
    fix: 'Skriv `question: |` och texten under, varje rad indragen två mellanslag: snabbåtgärden gör det, rad för rad.',
  },
  'value-comment': {
    what: 'En rubrik, beskrivning, författare eller patientName skriven utan citattecken, med ` #` i (`title: Fråga #2 om axeln`).',
    why: 'I YAML inleder ett `#` efter ett mellanslag en kommentar: resten av raden hör inte till värdet, så sidan visar texten avkortad, utan att något sägs.',
    fix: 'Sätt hela värdet inom dubbla citattecken (snabbåtgärden gör det). Ett `#` som är en anteckning till redaktörer får stå kvar: stäng då av regeln.',
  },
  'topic-unknown': {
    what: 'Ett ämne som ingen annan artikel använder men som liknar ett som används — troligen ett stavfel. Används bara när webbplatsens ämneslista inte är känd; med den kontrollerar `topic-no-page` mot webbplatsen själv.',
    why: 'Artiklar om samma sak bör ha samma ämne.',
    fix: 'Använd det föreslagna ämnet (snabbåtgärden), eller behåll det nya om det är meningen.',
  },
  'topic-no-page': {
    what: '`topic` är inte ett av webbplatsens ämnen (`src/data/topics.ts`) för artikelns kategori (kroppsdel).',
    why: 'En ämnessida listar en artikel bara när dess ämne är ett av kroppsdelens ämnen; annars listas artikeln inte på någon ämnessida, utan att något säger till.',
    fix: 'Använd det föreslagna ämnet (snabbåtgärden), eller välj ett med komplettering (`topic:` och Ctrl+Mellanslag visar webbplatsens ämnen med rubriker). Eller lägg till ämnet i webbplatsens `topics.ts`.',
  },
  'condition-unknown': {
    what: '`relatedCondition` är inte en av webbplatsens diagnossidor (`src/data/conditions.ts`).',
    why: 'Sidan visar diagnosen i brödsmulan och en Fördjupning-ruta bara för en känd diagnos; annars visas ingenting, utan att något säger till.',
    fix: 'Använd en av de kända adresserna (snabbåtgärder och komplettering visar dem), eller lägg till diagnossidan i webbplatsens `conditions.ts`.',
  },
  'patient-name': {
    what: 'Ett namn som undertecknar frågan i slutet (`Mvh Anna`, `M.v.h Carina`, `Tack på förhand! Sara`, `/Lisa`), eller värdet i `patientName` skrivet i frågan eller svaret.',
    why: 'Webbplatsen visar frågan för alla, och den bygger en sida även för opublicerade artiklar: ett namn kan avslöja vem patienten är.',
    fix: 'Ta bort namnet; hälsningen kan stå kvar. Snabbåtgärden tar bort en undertecknad hälsning i en ändring. Medicinska eponymer (Bankart, Hill-Sachs, SLAP) tas aldrig för namn.',
  },
  'answer-signature': {
    what: 'En signatur i slutet av svaret (`MVH`, `Dr …`, `/Carlos`, författarens namn efter sista meningen), eller författarens signatur i slutet av frågan.',
    why: 'Webbplatsen visar redan författaren ovanför svaret; webbplatsens skrivregler säger ingen signatur.',
    fix: 'Ta bort den: snabbåtgärden gör det. En signatur i frågan betyder att svaret har skrivits in i frågefältet: flytta svaret under fälten.',
  },
  'answer-italics': {
    what: 'Kursiv (`*text*` eller `_text_`) i svaret.',
    why: 'Webbplatsens skrivregler tar bort kursiv i svaren.',
    fix: 'Skriv det som vanlig text: snabbåtgärden tar bort tecknen.',
  },
  'answer-bold': {
    what: 'Fetstil över mer än sex ord i svaret.',
    why: 'Husstilen använder lite fetstil: en fet mening döljer det som verkligen är viktigt.',
    fix: 'Gör den till vanlig text, eller fetmarkera bara nyckelorden. En snabbåtgärd tar bort fetstilen.',
  },
  'answer-read-more': {
    what: 'En "Läs mer om …"-länk i svaret.',
    why: 'Webbplatsen lägger själv till en "Fördjupning"-ruta med relaterade sidor.',
    fix: 'Ta bort den: snabbåtgärden tar bort länken, eller hela raden.',
  },
  'answer-image': {
    what: 'En bild i svaret, `![text](./bild.jpg)`, vars fil inte finns: inte bredvid artikeln med det namnet (eller i mappen som adressen leder till), eller med andra stora och små bokstäver (`Bild.JPG` för `bild.jpg`).',
    why: 'Webbplatsens bygge tar in varje sådan bild på webbplatsen och stannar, för hela webbplatsen, när filen saknas ("Could not find requested image"). Det gäller opublicerade artiklar också. Servern som bygger webbplatsen skiljer på stora och små bokstäver, även när din egen dator inte gör det.',
    fix: 'Lägg bildfilen bredvid artikeln (eller dit adressen leder), eller rätta namnet i adressen. En snabbåtgärd skriver namnet med filens stora och små bokstäver. En adress i webbplatsens public-mapp börjar med `/` (`/images/bild.jpg`).',
  },
  'answer-image-broken': {
    what: 'En bild som läsarna ser trasig: en adress som börjar med `/` (webbplatsens mapp `public/`) utan fil där; en fil av ett slag som webbplatsen inte visar som bild (bara .jpg, .jpeg, .png, .gif, .webp, .avif, .svg och .tiff); eller en adress med ett `%`-tecken som inte inleder en kod som `%20`.',
    why: 'Bygget går igenom, men sidan visar en trasig bild, ett tomt utrymme utan ens bildens text, eller — för `%` — inget svar alls, eftersom webbplatsen inte kan läsa det.',
    fix: 'Lägg filen i mappen `public/` under den adressen, spara bilden som .jpg eller .png, eller byt namn på filen utan `%`. Adresser på andra webbplatser (`https://…`) kontrolleras inte.',
  },
  'readability-lix': {
    what: 'Ett svar vars LIX är över projektets gräns (`lixMax`, normalt 55). Förhandsgranskningen visar samma tal.',
    why: 'Patienter läser svaren: långa meningar och långa ord gör dem svåra att följa.',
    fix: 'Kortare meningar och vardagliga ord. Ett svar utan text får inget värde.',
  },
  'sentence-length': {
    what: 'En mening med fler ord än projektets gräns (`sentenceMaxWords`, normalt 35).',
    why: 'En lång mening är svår att följa, i en mobil ännu mer.',
    fix: 'Dela den i två eller tre.',
  },
  'published-typo': {
    what: 'Ett felstavat `published` (`publised: false`) utan något riktigt `published`.',
    why: 'Webbplatsen ignorerar det felstavade fältet, och en sida publiceras om det inte står `published: false`: utkastet blir synligt.',
    fix: 'Byt namn till `published`: snabbåtgärden gör det.',
  },
};
