package org.equitylake.identity;

import java.util.HashMap;
import java.util.Map;

/**
 * Nickname and spelling-variant table: each entry maps to one formal first name. Keys are in
 * {@link Names#normalize} form (upper case, no accents). A nickname shared by two formal names
 * (ALEX, SAM, CHRIS, PAT) maps to one of them: both records then carry the same canonical name,
 * which is all matching needs. Built once, never changed: safe to share between threads.
 */
final class Nicknames {
    private static final Map<String, String> TO_FORMAL = new HashMap<>();

    static {
        // English
        formal("ABIGAIL", "ABBY", "ABBIE");
        formal("ABRAHAM", "ABE");
        formal("ALBERT", "AL", "ALBIE");
        formal("ALEXANDER", "ALEX", "ALEC", "XANDER");
        formal("ALEXANDRA", "LEXI", "LEXIE", "ALEXA");
        formal("ALFRED", "ALFIE");
        formal("AMANDA", "MANDY");
        formal("ANDREW", "ANDY", "DREW");
        formal("ANTHONY", "TONY", "ANTONY");
        formal("BARBARA", "BARB", "BARBIE", "BABS");
        formal("BENJAMIN", "BEN", "BENNY", "BENJI");
        formal("CASSANDRA", "CASSIE");
        formal("CHARLES", "CHUCK", "CHARLIE", "CHAS", "CHAZ");
        formal("CHRISTINA", "TINA", "CHRISSY", "CHRISTINE", "KRISTINA", "KRISTINE");
        formal("CHRISTOPHER", "CHRIS", "KRIS", "TOPHER");
        formal("CONSTANCE", "CONNIE");
        formal("CYNTHIA", "CINDY");
        formal("DANIEL", "DAN", "DANNY");
        formal("DAVID", "DAVE", "DAVEY", "DAVY");
        formal("DEBORAH", "DEB", "DEBBIE", "DEBBY", "DEBRA");
        formal("DONALD", "DON", "DONNIE", "DONNY");
        formal("DOROTHY", "DOT", "DOTTIE", "DOTTY", "DOROTHEA");
        formal("DOUGLAS", "DOUG");
        formal("EDWARD", "ED", "EDDIE", "EDDY", "TED", "TEDDY", "NED");
        formal("ELIZABETH", "LIZ", "LIZZIE", "LIZZY", "BETH", "BETTY", "BETSY", "ELIZA", "LIBBY",
                "ELISABETH", "BESS", "BESSIE");
        formal("EUGENE", "GENE");
        formal("FRANCES", "FRAN", "FRANNIE");
        formal("FRANCIS", "FRANK", "FRANKIE");
        formal("FREDERICK", "FRED", "FREDDY", "FREDDIE", "FREDRICK", "FRITZ");
        formal("GERALD", "JERRY", "GERRY");
        formal("GREGORY", "GREG", "GREGG");
        formal("HENRY", "HANK", "HARRY", "HAL");
        formal("JACOB", "JAKE");
        formal("JAMES", "JIM", "JIMMY", "JIMMIE", "JAMIE");
        formal("JEFFREY", "JEFF", "GEOFFREY", "GEOFF", "JEFFERY");
        formal("JENNIFER", "JEN", "JENN", "JENNY", "JENNIE");
        formal("JESSICA", "JESS", "JESSIE");
        formal("JOHN", "JACK", "JOHNNY", "JOHNNIE");
        formal("JOSEPH", "JOE", "JOEY");
        formal("JOSHUA", "JOSH");
        formal("KATHERINE", "KATE", "KATIE", "KATY", "KATHY", "CATHY", "KAT", "KITTY", "CATHERINE",
                "KATHARINE", "KATHRYN", "CATHRYN", "KATHLEEN");
        formal("KENNETH", "KEN", "KENNY");
        formal("KIMBERLY", "KIM", "KIMMY", "KIMBERLEY");
        formal("LAWRENCE", "LARRY", "LAURENCE");
        formal("MARGARET", "MAGGIE", "MEG", "MEGGIE", "PEGGY", "PEG", "MARGIE");
        formal("MARY", "MOLLY", "POLLY", "MAMIE");
        formal("MATTHEW", "MATT", "MATTY");
        formal("MICHAEL", "MIKE", "MIKEY", "MICK", "MICKEY", "MITCH");
        formal("NATHANIEL", "NATE", "NAT");
        formal("NICHOLAS", "NICK", "NICKY", "NICOLAS");
        formal("PATRICIA", "PATTY", "PATSY", "TRISH", "TRICIA", "PATTI");
        formal("PATRICK", "PAT", "PADDY");
        formal("PHILIP", "PHIL", "PHILLIP");
        formal("RAYMOND", "RAY");
        formal("REBECCA", "BECKY", "BECCA");
        formal("RICHARD", "RICH", "RICK", "RICKY", "RICHIE", "DICK");
        formal("ROBERT", "BOB", "BOBBY", "ROB", "ROBBIE", "ROBBY");
        formal("RONALD", "RON", "RONNIE", "RONNY");
        formal("SANDRA", "SANDY", "SANDI");
        formal("SAMUEL", "SAM", "SAMMY");
        formal("SARAH", "SALLY", "SARA", "SADIE");
        formal("STEVEN", "STEVE", "STEVIE", "STEPHEN");
        formal("SUSAN", "SUE", "SUSIE", "SUZY", "SUZANNE");
        formal("THOMAS", "TOM", "TOMMY");
        formal("TIMOTHY", "TIM", "TIMMY");
        formal("VICTORIA", "VICKY", "VICKIE", "TORI");
        formal("VIRGINIA", "GINNY", "GINGER");
        formal("WALTER", "WALT", "WALLY");
        formal("WILLIAM", "BILL", "BILLY", "BILLIE", "WILL", "WILLY", "WILLIE", "LIAM");
        formal("ZACHARY", "ZACH", "ZACK", "ZAC");
        // Spanish
        formal("ADOLFO", "FITO");
        formal("ALBERTO", "BETO");
        formal("ALFONSO", "PONCHO");
        formal("ALICIA", "LICHA");
        formal("ANTONIO", "TONO", "TONIO");
        formal("CONCEPCION", "CONCHA", "CONCHITA", "CONCHI");
        formal("DOLORES", "LOLA", "LOLITA", "LOLI");
        formal("EDUARDO", "LALO");
        formal("ENRIQUE", "KIKE", "QUIQUE");
        formal("FRANCISCO", "PACO", "PANCHO", "CURRO", "CISCO");
        formal("GABRIELA", "GABY", "GABI");
        formal("GONZALO", "CHALO");
        formal("GRACIELA", "CHELA");
        formal("GREGORIO", "GOYO");
        formal("GUADALUPE", "LUPE", "LUPITA");
        formal("GUILLERMO", "MEMO");
        formal("IGNACIO", "NACHO");
        formal("ISABEL", "CHABELA", "ISA", "ISABELLA", "ISABELLE");
        formal("JESUS", "CHUY", "CHUCHO");
        formal("JOSE", "PEPE", "CHEPE");
        formal("JOSEFA", "PEPA", "PEPITA");
        formal("LUIS", "LUCHO");
        formal("MANUEL", "MANOLO", "MANNY", "MANU");
        formal("MERCEDES", "MECHE");
        formal("PILAR", "PILI");
        formal("RAFAEL", "RAFA", "RAFI");
        formal("RAMON", "MONCHO");
        formal("ROSARIO", "CHARO", "CHAYO");
        formal("TERESA", "TERE", "TERESITA", "THERESA", "TESS", "TERRI");
    }

    private Nicknames() {}

    /** The formal name for a normalised single first-name token, or the token itself. */
    static String formalOf(String token) {
        return TO_FORMAL.getOrDefault(token, token);
    }

    static int size() {
        return TO_FORMAL.size();
    }

    private static void formal(String formal, String... nicknames) {
        for (String n : nicknames) {
            String previous = TO_FORMAL.put(n, formal);
            if (previous != null) {
                throw new IllegalStateException(n + " maps to both " + previous + " and " + formal);
            }
        }
    }
}
