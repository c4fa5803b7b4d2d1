package main

// article is the seed article, byte for byte the same as
// testdata/article.txt (the test checks it). Every span of the model is
// an offset into it.
const article = `Nicolás Maduro has ramped up his personal security by integrating new Cuban agents into his team and increasing the number of counterintelligence officers embedded within the Venezuelan military. This move comes amid fears that his own allies in Havana might eliminate him should he relinquish power, according to U.S. intelligence reports and a recent article in The New York Times.
Top U.S. officials, as reported by Axios, claim the Venezuelan leader fears assassination at the hands of his Cuban advisers if he steps down, due to the sensitive information he possesses regarding joint operations between Caracas and Havana.
Sources suggest that Maduro "knows too much" about the clandestine agreements that have cemented the alliance between the two regimes over the years. These include drug trafficking operations, irregular financial transactions, and intelligence maneuvers across Latin America.
In response, the Venezuelan president has taken extraordinary precautions to ensure his safety: he frequently changes where he sleeps and swaps his mobile phone, moves among various residences in Caracas, and has bolstered his security detail with Cuban agents skilled in counterespionage.
According to The New York Times, Maduro is wary even of his military circle, having ordered additional G2 Cuban intelligence officers to be integrated into his presidential security and the military's framework. The aim is to uncover potential internal betrayals while ensuring Havana's direct involvement in Venezuela’s power structures.
This Cuban influence is not new. Since Hugo Chávez's death in 2013, Cuba has overseen Venezuela’s main intelligence and security bodies. Thousands of Cuban advisors operate within SEBIN and DGCIM, overseeing political operations and monitoring the military itself.
In return, Havana receives oil, currency, and diplomatic support, helping sustain its economy amid an energy crisis.
Washington views this alliance as a direct threat to regional stability. U.S. agencies highlight that the Cuban-Venezuelan network facilitates the flow of drugs and money throughout the Caribbean and serves as an operational base for Russia, China, and Iran.
While President Donald Trump leaves the door open for a negotiated exit, the increased U.S. military presence in the Caribbean sends a clear message: the impunity of the Caracas-Havana axis is ending.
The Southern Spear naval operation, officially targeting drug trafficking, has destroyed over 20 vessels linked to Venezuelan networks, resulting in at least 80 fatalities, according to leaked intelligence data.
"We have covert operations, but they are not designed to eliminate Maduro," a senior White House official told Axios. "However, his survival relies on Cuban protection, and the fear he holds of them."
Despite the tension, Maduro attempts to project an image of tranquility. He makes unannounced public appearances, dances, records TikTok videos, and echoes slogans of "peace and sovereignty," all while hiding in different locations each night. His defiant rhetoric starkly contrasts with his growing paranoia.
The irony is that Maduro's fear is not directed at Washington, but at those who uphold him. Cuba acts as both his protector and his jailer, controlling the security that shields him and the potential threat to his life.
Analysts believe that the fate of Chavismo is no longer decided in Caracas but in Havana. Maduro's fear of his allies marks the twilight of a revolution that, by surrendering its sovereignty to Cuba, has become ensnared by its own dependence.
Key Questions About Maduro's Cuban-Backed Security
Why has Nicolás Maduro increased his reliance on Cuban security?
Maduro has increased his reliance on Cuban security to mitigate threats from his own ranks and ensure his protection against possible internal betrayals, as he fears that his Cuban allies might eliminate him if he steps down.
What role does Cuba play in Venezuela's security apparatus?
Cuba plays a significant role in Venezuela's security apparatus by overseeing the main intelligence and security bodies, with thousands of Cuban advisors involved in operations within SEBIN and DGCIM.`
