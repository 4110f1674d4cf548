import { expect } from '@open-wc/testing';
import { containsCardNumber, findCardNumbers, luhnValid, redactCardNumbers } from '../../src/content/pci.js';

describe('PCI card-number guard', () => {
  it('R-MAIL-16: finds test card numbers written with spaces, dashes or none', () => {
    const text = 'Visa 4111 1111 1111 1111, Mastercard 5500-0000-0000-0004 and Amex 378282246310005.';
    const found = findCardNumbers(text);
    expect(found.map((m) => m.digits)).to.deep.equal(['4111111111111111', '5500000000000004', '378282246310005']);
    expect(found.map((m) => text.slice(m.start, m.end))).to.deep.equal(['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005']);
  });

  it('R-MAIL-16: finds Amex grouping, 19-digit cards and numbers next to letters or other numbers', () => {
    expect(findCardNumbers('card:3782 822463 10005')[0]?.digits).to.equal('378282246310005');
    expect(findCardNumbers('6011 0009 9013 9424')[0]?.digits).to.equal('6011000990139424');
    expect(containsCardNumber('4111111111111111111')).to.equal(luhnValid('4111111111111111111'));
    expect(findCardNumbers('no.4111111111111111!')[0]?.digits).to.equal('4111111111111111');
    const text = 'Order 12345 4111 1111 1111 1111 thanks';
    const [match] = findCardNumbers(text);
    expect(match && text.slice(match.start, match.end)).to.equal('4111 1111 1111 1111');
  });

  it('R-MAIL-16: does not flag numbers failing Luhn, short numbers or digits inside longer runs', () => {
    const negatives = [
      '4111 1111 1111 1112',
      '1234 5678 9012 3456',
      'Order 123456789012 has shipped',
      'Tracking 1Z999AA10123456784',
      'Call +1 555 010 0199 or 555-0100',
      'Dates 2024-01-05 and 2025-03-05',
      'Reference 94111111111111111199', // a valid card buried in a 20-digit number
      '411111111111111141111111111111114111', // one long digit run
      '0000 0000 0000 0000',
      'Pay $1,234.56 by 12/27',
      '1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6',
    ];
    for (const text of negatives) expect(findCardNumbers(text), text).to.deep.equal([]);
  });

  it('R-MAIL-16: reports several numbers in order and without overlap', () => {
    const text = '5500 0000 0000 0004 / 4111-1111-1111-1111';
    expect(findCardNumbers(text).map((m) => m.digits)).to.deep.equal(['5500000000000004', '4111111111111111']);
  });

  it('R-MAIL-16: masks all but the last four digits', () => {
    expect(redactCardNumbers('Card 4111 1111 1111 1111 ok')).to.equal('Card •••• •••• •••• 1111 ok');
    expect(redactCardNumbers('378282246310005', 'X')).to.equal('XXXXXXXXXXX0005');
    expect(redactCardNumbers('Order 12345')).to.equal('Order 12345');
  });

  it('luhnValid checks the mod-10 sum', () => {
    expect(luhnValid('79927398713')).to.be.true;
    expect(luhnValid('79927398710')).to.be.false;
    expect(luhnValid('')).to.be.false;
    expect(luhnValid('12a4')).to.be.false;
  });
});
