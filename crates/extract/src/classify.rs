//! Event type and sub-event type from English and French cue words, by ACLED's precedence.
//!
//! Cues are regular expressions over the passage; each carries its span as evidence. The
//! decision follows codebook sections 3 and 4: a demonstration is a protest unless the
//! demonstrators are violent (violent demonstration), force against them is lethal
//! (excessive force) or they are dispersed or arrested (protest with intervention); mobs
//! outside a demonstration are mob violence; fighting between armed groups (a clash, or
//! an attack whose target is armed: soldiers, a post, a base, militants) is a battle,
//! even with shelling or explosives; explosives and remote weapons absent fighting are
//! Explosions/Remote violence (air or drone strike first, then suicide bomb, shelling,
//! IED, grenade); violence against unarmed people is violence against civilians
//! (sexual violence before attack before abduction); the rest are strategic
//! developments.

use std::sync::LazyLock;

use regex::Regex;
use tocsin_model::{Field, Span, SubEventType};

/// The type of one event and whether it targeted civilians.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The sub-event type, with the cue that decided it.
    pub sub_event_type: Field<SubEventType>,
    /// Whether civilians were the main or only target (codebook section 9).
    pub civilian_targeting: Field<bool>,
}

/// Who a violent act was aimed at, from the words around its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Soldiers, police, militants, posts, bases: an organised armed group.
    Armed,
    /// Unarmed people or their homes and villages.
    Civilian,
    /// Nothing said.
    Unknown,
}

/// Classifies the passage `text` (starting at `offset` in the report).
///
/// Returns `None` when no cue of any event is present.
pub fn classify(text: &str, offset: usize) -> Option<Classification> {
    let cues = Cues::find(text);
    let at = |span: Span| Span::new(span.start + offset, span.end + offset);
    let (sub, span, confidence) = decide(text, &cues)?;
    let civilian = if sub.always_targets_civilians() {
        Field::found(true, at(span), confidence)
    } else if matches!(
        sub.event_type(),
        tocsin_model::EventType::ExplosionsRemoteViolence | tocsin_model::EventType::Riots
    ) || sub == SubEventType::ExcessiveForceAgainstProtesters
    {
        let target = targets(text, &cues);
        if target.0 == Target::Civilian && !target.1 {
            Field::found(true, at(span), 0.6)
        } else {
            Field::inferred(false, 0.6)
        }
    } else {
        Field::inferred(false, 0.8)
    };
    Some(Classification {
        sub_event_type: Field::found(sub, at(span), confidence),
        civilian_targeting: civilian,
    })
}

/// Every cue found in a passage: the first match of each kind.
#[derive(Debug, Default, Clone)]
pub struct Cues {
    protest: Option<Span>,
    riot: Option<Span>,
    mob: Option<Span>,
    intervention: Option<Span>,
    lethal_force: Option<Span>,
    clash: Option<Span>,
    attack: Option<Span>,
    kill: Option<Span>,
    execute: Option<Span>,
    harm: Option<Span>,
    sexual: Option<Span>,
    abduct: Option<Span>,
    arrest: Option<Span>,
    air: Option<Span>,
    shelling: Option<Span>,
    ied: Option<Span>,
    grenade: Option<Span>,
    suicide: Option<Span>,
    chemical: Option<Span>,
    explosion: Option<Span>,
    disrupted: Option<Span>,
    loot: Option<Span>,
    agreement: Option<Span>,
    change: Option<Span>,
    base: Option<Span>,
    taken: Option<Span>,
    regained: Option<Span>,
    handover: Option<Span>,
    other: Option<Span>,
}

macro_rules! cue {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(concat!("(?i)", $pattern)).expect("cue patterns are valid")
        });
    };
}

cue!(
    PROTEST,
    r"\b(protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed|ing|e|es)|marched|marching|(?:a|the|peaceful)\s+march(?:es)?\b|rall(?:y|ies|ied)\b|sit-?ins?\b|held\s+a\s+sit|pickets?\b|picketed|went\s+on\s+strike|on\s+strike|general\s+strike|strikers|striking\s+(?:workers|teachers|doctors|nurses)|boycott|manifest(?:ation|ations|ants|é|aient|ent|er)\b|marche\b|march[ée]\b|rassembl(?:ement|ements|és|ées|ent)|gr[èe]ve|grévistes|sit-in)"
);
cue!(
    RIOT,
    r"\b(riot(?:s|ers|ed|ing)?|barricad\w*|pelted|pelting|threw\s+(?:stones|rocks|projectiles)|throwing\s+(?:stones|rocks)|stone-?throwing|hurled\s+(?:stones|rocks)|burn(?:ed|t|ing)\s+(?:\w+\s+){0,2}(?:tyres|tires)|vandali[sz]\w*|ransack\w*|smashed|clash(?:ed|es)?\s+with\s+(?:the\s+)?(?:police|security\s+forces|gendarmes|anti-riot|riot\s+police|soldiers|military)|émeut\w*|casseurs|pneus|jets?\s+de\s+pierres|saccag\w*|violent(?:ly)?\s+protest|turned\s+violent)"
);
cue!(
    MOB,
    r"\b(mob\b|mobs\b|lynch\w*|vigilante\w*|jungle\s+justice|mob\s+justice|angry\s+(?:crowd|residents|youths?|villagers|mob)|crowd\s+of\s+(?:residents|youths)|foule|vindicte|justice\s+populaire)"
);
cue!(
    INTERVENTION,
    r"\b(tear\s*-?gas\w*|teargas\w*|dispers\w*|rubber\s+bullets|water\s+cannons?|arrest\w*|detained|baton\w*|broke\s+up|gaz\s+lacrymog\w*|interpell\w*|matraqu\w*|canons?\s+à\s+eau)"
);
cue!(
    LETHAL_FORCE,
    r"\b(live\s+(?:ammunition|bullets|rounds|fire)|shot\s+dead|balles\s+réelles|opened\s+fire\s+on\s+(?:the\s+)?(?:protesters|demonstrators|crowd))"
);
cue!(
    CLASH,
    r"\b(clash(?:ed|es)?|exchang(?:ed|e|es)\s+(?:of\s+)?(?:fire|gunfire|shots)|gun\s*-?fights?|fire\s*-?fights?|shoot-?outs?|fighting|fought|battl(?:e|ed|es|ing)\b|repel(?:led|s)?|repuls(?:ed|e|es)|counter-?attack\w*|engag(?:ed|ement)\s+(?:with|in|suspected|militants|the)|skirmish\w*|neutrali[sz](?:ed|ing)\s+(?:\w+\s+){0,3}(?:militants|terrorists|jihadists|assailants|attackers|fighters|insurgents|gunmen|individuals|suspects|elements|members)|returned\s+fire|responded\s+(?:to|with)|retaliat\w*|affrontements?|accrochages?|combats?\b|échanges?\s+de\s+tirs|repouss\w*|ripost\w*|neutralis[ée]s?)"
);
cue!(
    ATTACK,
    r"\b(attack(?:ed|s|ing)?|raid(?:ed|s|ing)?|storm(?:ed|ing)|assault(?:ed|s)?|ambush(?:ed|es|ing)?|target(?:ed|ing)|fired\s+(?:on|at|upon|shots)|opened\s+fire|shot|shooting|gunned|invaded|overran|overrun|attaqu\w*|assaut|embuscade\w*|pris\s+pour\s+cible|ouvert\s+le\s+feu|tir(?:é|és|ée)\s+sur|fusill\w*)"
);
cue!(
    KILL,
    r"\b(kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|assassinat\w*|slain|massacr\w*|behead\w*|lynch\w*|slit|slaughter\w*|shot\s+dead|died|dead|bodies|body\s+of|tu(?:é|ée|és|ées|ant|er)\b|abattu\w*|égorg\w*|assassin\w*|morts?\b)"
);
cue!(EXECUTE, r"\b(execut(?:ed|ing|ion|ions)|summar(?:y|ily)|exécut\w*|sommaire\w*)");
cue!(
    HARM,
    r"\b(beat(?:en|ing)?\b|tortur\w*|stabb\w*|hack(?:ed)?\s+to|whipp\w*|flogg\w*|mutilat\w*|burn(?:ed|t)\s+alive|wound(?:ed|ing)|injur(?:ed|ing)|assaulted|threat(?:ened|s)?|intimidat\w*|molest\w*|frapp\w*|tabass\w*|bless(?:é|ée|és|ées|ant)|menac\w*|harass\w*)"
);
cue!(
    SEXUAL,
    r"\b(rap(?:e|ed|es|ing)\b|sexual(?:ly)?|gang-?rap\w*|viol(?:é|ée|és|ées|s)?\b|violences?\s+sexuelles?|agressions?\s+sexuelles?)"
);
cue!(
    ABDUCT,
    r"\b(abduct\w*|kidnap\w*|hostages?|taken\s+captive|took\s+(?:\w+\s+){0,3}(?:captive|hostage)|disappear\w*|enlev\w*|enlèv\w*|rapt\b|otages?|séquestr\w*|took\s+away|carried\s+(?:\w+\s+)?away|led\s+away)"
);
cue!(
    ARREST,
    r"\b(arrest(?:ed|s|ing)?|detain(?:ed|s)?|apprehend\w*|in\s+custody|custody|interpell\w*|arrêt(?:é|ée|és|ées)|arrestations?|garde\s+à\s+vue|captured)"
);
cue!(
    AIR,
    r"\b(air\s*-?strikes?|airstrikes?|air\s+raids?|drone\s+strikes?|(?:armed\s+)?drones?\b|aerial\s+(?:bombardment|attack|strike|bombing)s?|warplanes?|war\s+planes?|fighter\s+jets?|jets\b|aircraft|helicopters?|gunships?|bombed\s+from\s+the\s+air|air\s+support|frappes?\s+a[ée]riennes?|bombardements?\s+a[ée]riens?|a[ée]ronefs?|avions?\s+de\s+chasse|hélicoptères?|drone)"
);
cue!(
    SHELLING,
    r"\b(shell(?:ed|ing|s)?\b|artillery|mortars?|rockets?|missiles?|bombard(?:ed|ment|ments)|projectiles?|katyushas?|grad\b|obus|roquettes?|tirs?\s+d'artillerie|rocket-propelled|rpgs?\b|launchers?)"
);
cue!(
    IED,
    r"\b(ieds?\b|vbieds?|improvised\s+explosive|explosive\s+devices?|land\s*-?mines?|(?:hit|struck|stepped\s+on|ran\s+over)\s+(?:a|an)\s+(?:\w+\s+)?(?:mine|explosive)|mine\s+(?:blast|explosion|exploded)|roadside\s+bombs?|car\s+bombs?|bomb\s+(?:blast|exploded|explosion|went\s+off|attack)|bombs?\s+(?:planted|hidden)|explosive[s]?\b|uxo|unexploded|engins?\s+explosifs?|mines?\s+artisanales?|\beei\b|bombe)"
);
cue!(GRENADE, r"\b(grenades?\b|grenade)");
cue!(
    SUICIDE,
    r"\b(suicide\s+(?:bomb\w*|attack\w*|vest|car|explosion)|kamikazes?|attentat-suicide|attentats?\s+suicides?|svbied)"
);
cue!(
    CHEMICAL,
    r"\b(chlorine|sarin|mustard\s+gas|chemical\s+(?:weapons?|attack|agents?)|nerve\s+agent)"
);
cue!(
    EXPLOSION,
    r"\b(explo(?:ded|sion|sions|de|sé|sée)|detonat(?:ed|ion)|blast|went\s+off|struck\s+(?:a|an)|hit\s+(?:a|an)|sauté)"
);
cue!(
    DISRUPTED,
    r"\b(defus\w*|dismantl\w*|deactivat\w*|disarm(?:ed|ing)\s+(?:a|an|the)|neutrali[sz](?:ed|ing)\s+(?:a|an|the|\d+|two|three)?\s*(?:\w+\s+)?(?:ied|ieds|explosive|mines?|devices?|bombs?)|weapons?\s+(?:cache|caches|seizure|depot)|caches?\s+of|arms\s+cache|seiz(?:ed|ure\s+of)\s+(?:\w+\s+){0,5}(?:weapons|arms|ammunition|rifles|guns|explosives?|ieds|kalashnikov|ak-?47s?)|recovered\s+(?:\w+\s+){0,3}(?:weapons|arms|ammunition|rifles|explosives)|intercept\w*|shot\s+down\s+(?:a|an|two|\d+)?\s*(?:\w+\s+)?drones?|discovered\s+(?:a|an)?\s*(?:\w+\s+)?(?:ied|explosive|mine)|found\s+(?:a|an)\s+(?:ied|explosive|mine)|désamorc\w*|démin\w*|caches?\s+d'armes|saisi\w*\s+(?:\w+\s+){0,4}(?:armes|munitions|explosifs))"
);
cue!(
    LOOT,
    r"\b(loot(?:ed|ing|s)?|pillag\w*|plunder\w*|stole|steal\w*|stolen|rustl\w*|(?:seized|took|carried\s+off|took\s+away|made\s+off\s+with)\s+(?:\w+\s+){0,4}(?:livestock|cattle|cows|oxen|sheep|goats|animals|herds?|motorbikes?|motorcycles?|vehicles?|cars?|goods|property|food|money|cash|phones?|belongings|supplies|grain|crops)|burn(?:ed|t|ing)\s+(?:down\s+)?(?:\w+\s+){0,4}(?:houses?|homes?|huts?|shops?|granar\w*|schools?|church\w*|mosques?|markets?|vehicles?|motorbikes?|motorcycles?|trucks?|village|buildings?|property|crops|offices?|equipment|stores?|warehouses?|station|post|hall|tents?|fields)|set\s+(?:\w+\s+){0,4}(?:ablaze|alight|on\s+fire)|set\s+fire|torch(?:ed|ing)|destroy(?:ed|ing|s)?|demolish\w*|vandali\w*|sabotag\w*|dynamited|pill(?:é|ée|és|age|ent)|emport\w*\s+(?:du|le|des)\s+(?:bétail|animaux|motos)|vol(?:é|és|ent)?\s+(?:du|de|des)\s+(?:bétail|animaux|motos)|détrui\w*|brûl\w*|incendi\w*|saccag\w*)"
);
cue!(
    AGREEMENT,
    r"\b(agreements?|ceasefire|cease-fire|truce|peace\s+(?:deal|talks|accord|agreement|process|pact)|negotiat\w*|releas(?:ed|e)\s+(?:\w+\s+){0,4}(?:hostages?|prisoners|detainees|captives|abductees|soldiers)|freed|prisoner\s+exchange|swap|surrender\w*|signed|accords?|cessez-le-feu|libér\w*|reddition|se\s+sont\s+rendus|pourparlers|réconciliation|reconciliation|mediat\w*)"
);
cue!(
    CHANGE,
    r"\b(recruit\w*|defect(?:ed|ion|ions|ors)|deploy(?:ed|ment|ing)|redeploy\w*|reinforce\w*|troop\s+movements?|formed\s+(?:a|an|the)\s+(?:\w+\s+)?(?:group|militia|coalition|alliance)|merg(?:ed|er)|pledged\s+allegiance|joined\s+(?:forces|the|ranks)|new\s+(?:armed\s+)?group|curfews?|state\s+of\s+emergency|banned|ban\s+on|prohibit\w*|suspend\w*|patroll?(?:ed|ing|s)?|(?:military|security|joint|clearance|search|sweep)\s+operations?|conducted\s+(?:\w+\s+){0,3}operations?|launched\s+(?:an?\s+)?(?:\w+\s+)?operation|withdr[ae]w\w*|relocat\w*|closure|closed|ordered|imposed|mobili[sz]\w*|couvre-feu|état\s+d'urgence|recrut\w*|déploi\w*|déploy\w*|renfort\w*|patrouill\w*|interdi\w*|ratiss\w*)"
);
cue!(
    BASE,
    r"\b((?:set\s+up|established|install(?:ed)?|built|erected)\s+(?:a|an|their|its|new|his)?\s*(?:\w+\s+)?(?:bases?|camps?|headquarters|hq|checkpoints?|positions?|outposts?)|(?:base|camp|headquarters)\s+established|install(?:é|és|ée)\s+(?:une|leur|un)\s+(?:base|camp|quartier))"
);
cue!(
    TAKEN,
    r"\b(took\s+control|seized\s+control|taken\s+control|captured\s+(?:the\s+)?(?:town|city|village|locality|commune|base|camp|district|area|military\s+base)|overran|overrun|took\s+over|seized\s+the\s+(?:town|city|village|base)|pris\s+le\s+contr[ôo]le|prise\s+de\s+contr[ôo]le|s'emparer|se\s+sont\s+emparés|s'est\s+emparé)"
);
cue!(
    REGAINED,
    r"\b(recaptur\w*|retook|retaken|re-?took|regain(?:ed|s)?\s+control|reclaim\w*|liberated|repris\w*\s+(?:le\s+contr[ôo]le|la\s+ville|le\s+village|possession)|reconqu\w*)"
);
cue!(
    HANDOVER,
    r"\b(without\s+(?:a\s+)?(?:fight|fighting|resistance|firing\s+a\s+shot)|handed\s+over\s+(?:control|the\s+town)|sans\s+combat|sans\s+résistance|abandoned\s+(?:the\s+)?(?:town|base|positions?|camp))"
);
cue!(
    OTHER,
    r"\b(coup\b|coup\s+d'[ée]tat|putsch|mutin\w*|mass\s+graves?|charniers?|displac\w*|fled\s+(?:\w+\s+){0,2}(?:homes?|villages?|area|locality)|exodus|déplac\w*|bodies\s+(?:of\s+\w+\s+)?(?:were\s+)?(?:found|discovered)|found\s+dead|found\s+(?:the\s+)?bod(?:y|ies)|corps\s+(?:sans\s+vie\s+)?(?:retrouvés?|découverts?)|retrouv\w*\s+(?:mort|sans\s+vie))"
);

// Nouns naming an organised armed group or its premises.
cue!(
    ARMED_NOUN,
    r"\b(soldiers?|troops|army|military|militaries|armed\s+forces|forces|police(?:men|man)?|gendarm\w*|security\s+(?:forces|post|personnel|agents)|defen[cs]e\s+and\s+security|fama|vdps?\b|volunteers?\s+for\s+(?:the\s+)?defen[cs]e|dozos?\b|koglweogo|self-?defen[cs]e|militia(?:men|s)?\b|militants?|jihadists?|insurgents?|rebels?|fighters?|terrorists?|gunmen|assailants|attackers|positions?|(?:military|army|police|security|border|customs|gendarmerie|forest|ranger|guard)\s+(?:post|posts|station|base|camp|checkpoint)|outposts?|checkpoints?|check\s*-?points?|\bbases?\b|barracks|garrison|patrols?|convoys?|detachment|brigade|battalion|units?\b|gendarmerie|commissariat|rangers?|forest\s+guards|customs\s+(?:officers|agents|post)|guards?\b|soldats?|militaires|armée|policiers?|forces\s+de\s+(?:défense|sécurité|l'ordre)|poste\s+(?:militaire|de\s+police|de\s+gendarmerie|avancé)|camp\s+militaire|base\s+militaire|patrouilles?|détachement|caserne|jihadistes|djihadistes|terroristes|assaillants|combattants|rebelles|groupes?\s+armés?|hommes\s+armés|isgs|iswap|jnim|taliban|al-shabaab|boko\s+haram|ansaroul|katiba|hts|sdf|ypg|pkk|houthis?|ansar\s+allah|regime\s+forces|wagner|barkhane|minusma|peacekeepers|casques\s+bleus|g5)"
);
// Nouns naming unarmed people or their homes.
cue!(
    CIVILIAN_NOUN,
    r"\b(civilians?|villagers?|residents?|inhabitants|people|persons?|individuals?|\bmen\b|\bman\b|women|woman|child(?:ren)?|boys?|girls?|babies|farmers?|herders?|herdsm[ae]n|shepherds?|pastoralists?|traders?|merchants?|shopkeepers?|vendors?|teachers?|students?|pupils|worshippers|faithful|pastors?|priests?|imams?|catechists?|chiefs?|notables?|councill?ors?|mayors?|officials?|deputy|journalists?|doctors?|nurses?|health\s+workers?|aid\s+workers?|humanitarian\w*|passengers?|drivers?|motorists?|travell?ers|miners?|gold\s+(?:miners|panners)|families|family|displaced|idps|refugees|hunters?|fishermen|youths?|elders?|wife|husband|sons?|daughters?|brothers?|father|mother|relatives|muslims|christians|fulani|peulh?s?|dogons?|mossis?|tuaregs?|villages?|hamlets?|homes?|houses?|market|schools?|church(?:es)?|mosques?|civils?|villageois|habitants|personnes|hommes|femmes|enfants|commerçants?|éleveurs?|agriculteurs?|cultivateurs?|chef\s+(?:du\s+)?village|conseiller|fidèles|voyageurs|passagers|orpailleurs|population|localité|chauffeur|élèves|enseignants?)"
);

impl Cues {
    /// Finds every cue in `text`.
    pub fn find(text: &str) -> Cues {
        let first = |regex: &Regex| regex.find(text).map(|m| Span::new(m.start(), m.end()));
        Cues {
            protest: first(&PROTEST),
            riot: first(&RIOT),
            mob: first(&MOB),
            intervention: first(&INTERVENTION),
            lethal_force: first(&LETHAL_FORCE),
            clash: first(&CLASH),
            attack: first(&ATTACK),
            kill: first(&KILL),
            execute: first(&EXECUTE),
            harm: first(&HARM),
            sexual: first(&SEXUAL),
            abduct: first(&ABDUCT),
            arrest: first(&ARREST),
            air: first(&AIR),
            shelling: first(&SHELLING),
            ied: first(&IED),
            grenade: first(&GRENADE),
            suicide: first(&SUICIDE),
            chemical: first(&CHEMICAL),
            explosion: first(&EXPLOSION),
            disrupted: first(&DISRUPTED),
            loot: first(&LOOT),
            agreement: first(&AGREEMENT),
            change: first(&CHANGE),
            base: first(&BASE),
            taken: first(&TAKEN),
            regained: first(&REGAINED),
            handover: first(&HANDOVER),
            other: first(&OTHER),
        }
    }

    /// Whether any violent act is described.
    fn violence(&self) -> Option<Span> {
        self.kill.or(self.attack).or(self.harm).or(self.clash)
    }
}

/// The target of the violence in `text`: the first target class named after an active
/// violent verb or before a passive one, and whether any armed target is named at all.
pub fn targets(text: &str, cues: &Cues) -> (Target, bool) {
    let _ = cues;
    let mut first = Target::Unknown;
    let mut any_armed = false;
    for regex in [&*ATTACK, &*KILL, &*HARM, &*ABDUCT] {
        for verb in regex.find_iter(text) {
            let target = target_of(text, verb.start(), verb.end());
            if target == Target::Armed {
                any_armed = true;
            }
            if first == Target::Unknown {
                first = target;
            }
        }
    }
    (first, any_armed)
}

/// The target class around one verb at `start..end`.
fn target_of(text: &str, start: usize, end: usize) -> Target {
    let after = text.get(end..).unwrap_or("");
    let passive_by =
        after.trim_start().starts_with("by ") || after.trim_start().starts_with("par ");
    let before_start = floor_boundary(text, start.saturating_sub(70));
    let before = text.get(before_start..start).unwrap_or("");
    let passive_aux = {
        let lower = before.to_lowercase();
        let trimmed = lower.trim_end();
        ["was", "were", "been", "being", "été", "is", "are"]
            .iter()
            .any(|aux| trimmed.ends_with(aux) || trimmed.ends_with(&format!("{aux} reportedly")))
    };
    let window = if passive_by || passive_aux {
        // The target is the subject: the last noun before the verb in its clause.
        let clause_start = before.rfind(['.', ';', ',', ':']).map_or(0, |i| i + 1);
        let clause = before.get(clause_start..).unwrap_or("");
        return last_class(clause);
    } else {
        let cut = after.find(['.', ';', ',', ':']).unwrap_or(after.len()).min(90);
        let cut = floor_boundary(after, cut);
        after.get(..cut).unwrap_or("")
    };
    first_class(window)
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn first_class(window: &str) -> Target {
    let armed = ARMED_NOUN.find(window).map(|m| m.start());
    let civilian = CIVILIAN_NOUN.find(window).map(|m| m.start());
    match (armed, civilian) {
        (Some(a), Some(c)) => {
            if a <= c {
                Target::Armed
            } else {
                Target::Civilian
            }
        }
        (Some(_), None) => Target::Armed,
        (None, Some(_)) => Target::Civilian,
        (None, None) => Target::Unknown,
    }
}

fn last_class(window: &str) -> Target {
    let armed = ARMED_NOUN.find_iter(window).last().map(|m| m.start());
    let civilian = CIVILIAN_NOUN.find_iter(window).last().map(|m| m.start());
    match (armed, civilian) {
        (Some(a), Some(c)) => {
            if a >= c {
                Target::Armed
            } else {
                Target::Civilian
            }
        }
        (Some(_), None) => Target::Armed,
        (None, Some(_)) => Target::Civilian,
        (None, None) => Target::Unknown,
    }
}

/// The sub-event type, its deciding cue and a confidence.
fn decide(text: &str, cues: &Cues) -> Option<(SubEventType, Span, f32)> {
    use SubEventType::*;
    let (target, any_armed) = targets(text, cues);

    // Demonstrations.
    if let Some(protest) = cues.protest {
        let armed_violence =
            cues.clash.is_some() && cues.riot.is_none() && any_armed && cues.intervention.is_none();
        if !armed_violence || cues.protest.map(|p| p.start) < cues.clash.map(|c| c.start) {
            if let Some(riot) = cues.riot {
                return Some((ViolentDemonstration, riot, 0.8));
            }
            if let Some(lethal) = cues.lethal_force {
                return Some((ExcessiveForceAgainstProtesters, lethal, 0.7));
            }
            if cues.kill.is_some()
                && !cues.kill.is_some_and(|k| {
                    text.get(k.start..k.end).is_some_and(|w| {
                        w.eq_ignore_ascii_case("death") || w.to_lowercase().starts_with("mort")
                    })
                })
                && protest_killed(text)
            {
                return Some((ExcessiveForceAgainstProtesters, cues.kill.unwrap_or(protest), 0.6));
            }
            if let Some(intervention) = cues.intervention {
                return Some((ProtestWithIntervention, intervention, 0.75));
            }
            return Some((PeacefulProtest, protest, 0.85));
        }
    }
    // Crowds outside a demonstration.
    if let Some(mob) = cues.mob {
        return Some((MobViolence, mob, 0.75));
    }
    if let Some(riot) = cues.riot {
        if cues.clash.is_none()
            || text.get(riot.start..riot.end).is_some_and(|w| w.to_lowercase().starts_with("riot"))
        {
            return Some((MobViolence, riot, 0.6));
        }
    }
    // Territory.
    if let Some(regained) = cues.regained {
        if cues.clash.is_some() || cues.attack.is_some() || cues.kill.is_some() {
            return Some((GovernmentRegainsTerritory, regained, 0.6));
        }
    }
    if let Some(taken) = cues.taken {
        if cues.clash.is_some() || cues.attack.is_some() || cues.kill.is_some() {
            return Some((NonStateActorOvertakesTerritory, taken, 0.55));
        }
    }
    // Battles.
    if let Some(clash) = cues.clash {
        return Some((ArmedClash, clash, 0.85));
    }
    // Remote violence absent fighting, unless it was prevented.
    let exploded = cues.explosion.is_some() || cues.violence().is_some();
    if let Some(disrupted) = cues.disrupted {
        if !exploded || cues.explosion.is_none() && cues.kill.is_none() && cues.harm.is_none() {
            return Some((DisruptedWeaponsUse, disrupted, 0.75));
        }
    }
    let weapon_used = cues.kill.is_some()
        || cues.harm.is_some()
        || cues.attack.is_some()
        || cues.explosion.is_some();
    if weapon_used {
        for (sub, cue) in [
            (ChemicalWeapon, cues.chemical),
            (AirDroneStrike, cues.air),
            (SuicideBomb, cues.suicide),
            (ShellingArtilleryMissileAttack, cues.shelling),
            (RemoteExplosiveLandmineIed, cues.ied),
            (Grenade, cues.grenade),
        ] {
            if let Some(span) = cue {
                return Some((sub, span, 0.8));
            }
        }
    }
    // An attack on an armed group is a battle.
    if let Some(violence) = cues.attack.or(cues.kill) {
        if any_armed && cues.execute.is_none() && target != Target::Civilian {
            return Some((ArmedClash, violence, 0.7));
        }
    }
    // Violence against civilians.
    if let Some(sexual) = cues.sexual {
        return Some((SexualViolence, sexual, 0.8));
    }
    if let Some(violence) = cues.kill.or(cues.execute).or(cues.harm).or(cues.attack) {
        let looting_only = cues.kill.is_none()
            && cues.harm.is_none()
            && cues.loot.is_some()
            && target != Target::Civilian;
        if !looting_only {
            let span = cues.kill.or(cues.execute).unwrap_or(violence);
            return Some((Attack, span, 0.75));
        }
    }
    if let Some(abduct) = cues.abduct {
        return Some((AbductionForcedDisappearance, abduct, 0.8));
    }
    // Strategic developments.
    let strategic = [
        (DisruptedWeaponsUse, cues.disrupted),
        (LootingPropertyDestruction, cues.loot),
        (Arrests, cues.arrest),
        (Agreement, cues.agreement),
        (HeadquartersOrBaseEstablished, cues.base),
        (NonViolentTransferOfTerritory, cues.handover.or(cues.taken)),
        (Other, cues.other),
        (ChangeToGroupActivity, cues.change),
    ];
    for (sub, cue) in strategic {
        if let Some(span) = cue {
            return Some((sub, span, 0.6));
        }
    }
    None
}

/// Whether the passage says protesters or demonstrators were killed.
fn protest_killed(text: &str) -> bool {
    static KILLED_PROTESTERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:protesters?|demonstrators?|manifestants?|marchers)\b[^.;]{0,40}\b(?:killed|died|dead|shot|tu[ée]s?|morts?)\b|\b(?:killed|killing|shot|tuant|tué)\b[^.;]{0,30}\b(?:protesters?|demonstrators?|manifestants?)")
            .expect("valid")
    });
    KILLED_PROTESTERS.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: Option<&str>) {
        let got = classify(text, 0).map(|c| c.sub_event_type.value.as_str());
        assert_eq!(got, want, "{text}");
    }

    fn check_civilians(text: &str, want: bool) {
        let got = classify(text, 0).map(|c| c.civilian_targeting.value);
        assert_eq!(got, Some(want), "{text}");
    }

    #[test]
    fn battles() {
        check(
            "Taliban militants attacked a police post, killing 4 policemen.",
            Some("Armed clash"),
        );
        check("Des hommes armés ont attaqué un poste de l'armée samedi.", Some("Armed clash"));
        check(
            "Police forces repelled an attack by Taliban militants on a check post.",
            Some("Armed clash"),
        );
        check("JNIM and ISGS militants clashed near Diay.", Some("Armed clash"));
        check(
            "Militants attacked the army base with mortars and fought for hours.",
            Some("Armed clash"),
        );
        check("Les FAMa ont neutralisé une dizaine de terroristes.", Some("Armed clash"));
    }

    #[test]
    fn remote_violence() {
        check(
            "An airstrike by Afghan military forces killed at least 10 Taliban militants.",
            Some("Air/drone strike"),
        );
        check(
            "A youth was killed by the explosion of an IED which struck his motorbike.",
            Some("Remote explosive/landmine/IED"),
        );
        check(
            "Regime forces shelled the village, killing two civilians.",
            Some("Shelling/artillery/missile attack"),
        );
        check("A suicide bomber blew himself up at a mosque, killing 4.", Some("Suicide bomb"));
        check("Unknown men threw a grenade at a bar, injuring 3.", Some("Grenade"));
        check(
            "Soldiers defused an IED planted on the road to Djibo.",
            Some("Disrupted weapons use"),
        );
    }

    #[test]
    fn violence_against_civilians() {
        check(
            "On 27 April 2020, 3 civilians were kidnapped and killed by Taliban militants.",
            Some("Attack"),
        );
        check("Unknown gunmen assassinated a municipal councilor in Djalafanka.", Some("Attack"));
        check(
            "Gunmen abducted a forest tracker in the Tapoa.",
            Some("Abduction/forced disappearance"),
        );
        check("Soldiers raped a woman in the village.", Some("Sexual violence"));
        check("Security forces summarily executed 9 suspected militants.", Some("Attack"));
        check_civilians("Gunmen killed two herders near Djibo.", true);
    }

    #[test]
    fn demonstrations() {
        check(
            "Dozens of workers staged a sit-in in Dori, denouncing the single tax.",
            Some("Peaceful protest"),
        );
        check("Des centaines de manifestants ont marché à Lomé.", Some("Peaceful protest"));
        check(
            "Police fired tear gas to disperse protesters in Conakry.",
            Some("Protest with intervention"),
        );
        check("Demonstrators burned tyres and clashed with police.", Some("Violent demonstration"));
        check(
            "Security forces shot dead two protesters during a march.",
            Some("Excessive force against protesters"),
        );
        check("An angry mob lynched a suspected thief.", Some("Mob violence"));
    }

    #[test]
    fn strategic_developments() {
        check(
            "Militants looted shops and stole livestock in the village.",
            Some("Looting/property destruction"),
        );
        check(
            "Des hommes armés ont incendié des maisons à Kpendjal.",
            Some("Looting/property destruction"),
        );
        check("Police arrested an opposition leader in Ouagadougou.", Some("Arrests"));
        check("The government and rebels signed a ceasefire agreement.", Some("Agreement"));
        check("The army deployed reinforcements to Djibo.", Some("Change to group/activity"));
    }

    #[test]
    fn no_event() {
        check("The economy grew by 3% last year, the minister said.", None);
        check("Analysts expect inflation to slow.", None);
    }
}
