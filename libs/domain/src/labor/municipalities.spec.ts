import { demandMunicipality } from '../reports/sheets/vacancies';
import { findMunicipality, municipalityList, unknownMunicipalityMessage } from './municipalities';

const TWO = ['Зима', 'Саянск'];

describe('findMunicipality', () => {
  it('finds a name of the registry whatever its case, spaces and ё, in the registry’s spelling', () => {
    expect(findMunicipality(TWO, '  ЗИМА ')).toBe('Зима');
    expect(findMunicipality(['Усолье-Сибирское'], 'усолье-сибирское')).toBe('Усолье-Сибирское');
    expect(findMunicipality(['Городской округ  Зима'], 'городской округ зима')).toBe('Городской округ  Зима');
    expect(findMunicipality(['Черёмхово'], 'Черемхово')).toBe('Черёмхово');
    expect(findMunicipality(TWO, 'Тулун')).toBeUndefined();
    expect(findMunicipality([], 'Зима')).toBeUndefined();
  });
});

describe('municipalityList', () => {
  it('quotes the names, the first ten and how many more', () => {
    expect(municipalityList(TWO)).toBe('«Зима», «Саянск»');
    const many = Array.from({ length: 12 }, (_, i) => `М${i + 1}`);
    expect(municipalityList(many)).toBe(
      '«М1», «М2», «М3», «М4», «М5», «М6», «М7», «М8», «М9», «М10» и ещё 2',
    );
    expect(municipalityList([])).toBe('');
  });

  it('says which municipalities there are when a request names another', () => {
    expect(unknownMunicipalityMessage('Тулун', TWO)).toBe(
      'Муниципалитета «Тулун» нет в реестре. В реестре: «Зима», «Саянск».',
    );
    expect(unknownMunicipalityMessage('Тулун', [])).toBe(
      'Муниципалитета «Тулун» нет в реестре. В реестре: пока ни одного.',
    );
  });
});

describe('demandMunicipality: whose labor demand a vacancies workbook is', () => {
  it('Город with several municipalities: the one named, in the registry’s spelling', () => {
    expect(demandMunicipality({ territory: 'Город', municipality: ' саянск ' }, TWO)).toEqual({
      municipality: 'Саянск',
    });
  });

  it('Город with several municipalities and none named: an error listing them', () => {
    for (const municipality of [null, undefined, '  ']) {
      expect(demandMunicipality({ territory: 'Город', municipality }, TWO)).toEqual({
        error:
          'На листе «Титул» не указан муниципалитет: в реестре организаций их несколько, и вакансии города относятся к одному из них. Заполните строку «Муниципалитет» названием из реестра: «Зима», «Саянск».',
      });
    }
  });

  it('Город naming a municipality the registry does not hold: an error listing those it does', () => {
    expect(demandMunicipality({ territory: 'Город', municipality: 'Тулун' }, TWO)).toEqual({
      error:
        'Муниципалитета «Тулун» нет в реестре организаций. Укажите в строке «Муниципалитет» на листе «Титул» название, как в реестре: «Зима», «Саянск».',
    });
    expect(demandMunicipality({ territory: 'Город', municipality: 'Зима' }, ['Саянск'])).toEqual({
      error: expect.stringMatching(/^Муниципалитета «Зима» нет в реестре организаций\. .*«Саянск»\.$/),
    });
    expect(demandMunicipality({ territory: 'Город', municipality: 'Зима' }, [])).toEqual({
      error:
        'Муниципалитета «Зима» нет в реестре организаций. В реестре пока нет ни одного муниципалитета: загрузите реестр организаций или оставьте строку «Муниципалитет» пустой.',
    });
  });

  it('Город with one municipality (or none yet): the registry’s, stored null, named or not', () => {
    expect(demandMunicipality({ territory: 'Город', municipality: null }, ['Зима'])).toEqual({
      municipality: null,
    });
    expect(demandMunicipality({ territory: 'Город', municipality: 'ЗИМА' }, ['Зима'])).toEqual({
      municipality: null,
    });
    expect(demandMunicipality({ territory: 'Город' }, [])).toEqual({ municipality: null });
  });

  it('Регион: the region’s; a municipality named there is an error, not ignored', () => {
    expect(demandMunicipality({ territory: 'Регион', municipality: null }, TWO)).toEqual({
      municipality: null,
    });
    expect(demandMunicipality({ territory: 'Регион', municipality: 'Зима' }, TWO)).toEqual({
      error:
        'На листе «Титул» указан муниципалитет «Зима», а территория — «Регион»: вакансии региона относятся ко всему региону. Если это вакансии города, укажите территорию «Город»; если региона — очистите строку «Муниципалитет».',
    });
  });
});
